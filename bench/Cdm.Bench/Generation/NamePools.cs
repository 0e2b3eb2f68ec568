namespace Cdm.Bench.Generation;

/// <summary>The values people and addresses are drawn from.</summary>
public static class NamePools
{
    public static readonly string[] FirstNames =
    [
        "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William", "Elizabeth", "David", "Barbara",
        "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen", "Daniel", "Nancy", "Matthew", "Lisa",
        "Anthony", "Betty", "Mark", "Margaret", "Donald", "Sandra", "Steven", "Ashley", "Paul", "Kimberly", "Andrew", "Emily",
        "Joshua", "Donna", "Kenneth", "Michelle", "Kevin", "Carol", "Brian", "Amanda", "George", "Melissa", "Timothy", "Deborah",
        "Ronald", "Stephanie", "Jason", "Rebecca", "Edward", "Sharon", "Jeffrey", "Laura", "Ryan", "Cynthia", "Jacob", "Amy",
        "Gary", "Kathleen", "Nicholas", "Angela", "Eric", "Shirley", "Jonathan", "Anna", "Stephen", "Brenda", "Larry", "Pamela",
        "Justin", "Emma", "Scott", "Nicole", "Brandon", "Helen", "Benjamin", "Samantha", "Samuel", "Katherine", "Gregory", "Christine",
        "Alexander", "Debra", "Frank", "Rachel", "Patrick", "Carolyn", "Raymond", "Janet", "Jack", "Maria", "Dennis", "Olivia",
        "Jerry", "Heather", "Tyler", "Diane", "Aaron", "Julie", "Jose", "Joyce", "Adam", "Victoria", "Nathan", "Ruth",
        "Zoe", "Aisha", "Mei", "Hiroshi", "Priya", "Arjun", "Fatima", "Mohammed", "Chloe", "Liam", "Noah", "Ava",
    ];

    public static readonly string[] LastNames =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez",
        "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson",
        "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright",
        "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell",
        "Mitchell", "Carter", "Roberts", "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins",
        "Reyes", "Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper", "Peterson",
        "Bailey", "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson", "Watson", "Brooks", "Chavez",
        "Wood", "James", "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes", "Price", "Alvarez", "Castillo", "Sanders", "Patel",
        "O'Brien", "Van der Berg", "Okafor", "Tanaka", "Kowalski", "Schmidt", "Rossi", "Dubois", "Haddad", "Singh",
    ];

    public static readonly string[] Streets =
    [
        "Main Street", "Oak Avenue", "Maple Drive", "Cedar Lane", "Pine Road", "Elm Street", "Washington Avenue", "Lake Road",
        "Hill Street", "Park Avenue", "Church Lane", "Station Road", "Victoria Street", "Queen Street", "King Street",
        "High Street", "Mill Lane", "School Road", "River Road", "Forest Drive", "Sunset Boulevard", "Harbour View",
        "Bridge Street", "Garden Close", "Meadow Way", "Orchard Road", "Chapel Street", "Spring Gardens",
    ];

    public static readonly (string City, string Region)[] Cities =
    [
        ("Springfield", "IL"), ("Riverside", "CA"), ("Franklin", "TN"), ("Greenville", "SC"), ("Bristol", "CT"),
        ("Clinton", "IA"), ("Fairview", "OR"), ("Salem", "MA"), ("Madison", "WI"), ("Georgetown", "TX"),
        ("Arlington", "VA"), ("Ashland", "KY"), ("Dover", "DE"), ("Milton", "FL"), ("Newport", "RI"),
        ("Oxford", "MS"), ("Jackson", "MI"), ("Burlington", "VT"), ("Manchester", "NH"), ("Auburn", "AL"),
    ];

    // Real-looking domains only: the service blocks example and test domains as placeholders.
    public static readonly string[] EmailDomains =
    [
        "gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "proton.me", "aol.com", "mail.com",
        "fastmail.com", "posteo.net",
    ];
}
