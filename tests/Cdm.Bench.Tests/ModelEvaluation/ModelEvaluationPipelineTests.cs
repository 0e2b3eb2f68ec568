using Cdm.Bench.ModelEvaluation;

namespace Cdm.Bench.Tests.ModelEvaluation;

public sealed class ModelEvaluationPipelineTests
{
    // Three people with a duplicate each (a typo, a missing postcode, a swapped street abbreviation), and distinct singles.
    private const string Febrl = """
        rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth, soc_sec_id
        rec-1-org, lachlan, berry, 69, giblin street, killarney, bittern, 4814, qld, 19990219, 7364009
        rec-1-dup-0, lachlan, berrey, 69, giblin street, killarney, bittern, 4814, qld, 19990219, 7364009
        rec-2-org, deakin, sondergeld, 48, goldfinch circuit, kooltuo, canterbury, 2776, vic, 19600325, 2635962
        rec-2-dup-0, deakin, sondergeld, 48, goldfinch circuit, kooltuo, canterbury, , vic, 19600325, 2635962
        rec-3-org, kate, peat, 20, sturt avenue, , bellbird heights, 2092, nsw, 19820809, 1321233
        rec-3-dup-0, kate, peat, 20, sturt ave, , bellbird heights, 2092, nsw, 19820809, 1321233
        rec-4-org, isabella, white, 9, minnie street, , murrumbeena, 3152, vic, 19711014, 5588011
        rec-5-org, harry, pascoe, 131, mcintyre place, , north ryde, 2113, nsw, 19540705, 9930231
        rec-6-org, jordan, kurusnen, 5, lang street, , toorak, 3142, vic, 19890615, 4411728
        rec-7-org, ruby, wells, 72, kittyhawk street, , kingsford, 2032, nsw, 19930117, 8120974
        rec-8-org, mitchell, hobson, 14, fisher place, , gordon, 2072, nsw, 19750304, 6207113
        rec-9-org, sophie, nguyen, 3, hay street, , subiaco, 6008, wa, 19680922, 3391450
        """;

    [Fact]
    public void Run_FindsTheKnownDuplicatesAndNothingElse()
    {
        var records = LabelledCsv.ReadFebrl(new StringReader(Febrl));

        var run = ModelEvaluationPipeline.Run(records, "AU", seed: 1);

        Assert.Equal(12, run.Records);
        Assert.Equal(0, run.Rejected);
        Assert.Equal(3, run.Metrics.TruePairs);
        Assert.Equal(3, run.TrueCandidatePairs);
        Assert.True(run.CandidatePairs >= 3);
        Assert.InRange(run.Lambda, 0.0, 1.0);
        Assert.Equal(3, run.Metrics.CorrectPairs);
        Assert.Equal(3, run.Metrics.PredictedPairs);
        Assert.True(run.Metrics.IsExact);
    }

    [Fact]
    public void Run_LinksRecordsThatShareAnIdentifierWhateverTheirNames()
    {
        // Records 0 and 2 share an email (in different case) but nothing else; record 1 shares no identifier.
        const string splink = """
            unique_id,first_name,surname,dob,city,email,cluster
            0,Robert,Alan,1971-06-24,London,robert255@smith.net,0
            1,Grace,Kelly,1991-04-26,Hull,grace.kelly52@jones.com,1
            2,Zoe,Ward,2001-01-01,Leeds,Robert255@Smith.net,0
            """;
        var records = LabelledCsv.ReadSplink(new StringReader(splink));

        var run = ModelEvaluationPipeline.Run(records, "GB", seed: 1);

        Assert.Equal(1, run.IdentifierLinks);
        Assert.Equal(1, run.Metrics.CorrectPairs);
        Assert.Equal(1, run.Metrics.PredictedPairs);
    }

    [Fact]
    public void Run_AFullBlockIsNeitherJoinedNorScanned()
    {
        var records = LabelledCsv.ReadFebrl(new StringReader(Febrl));

        // A block of one member: every later record with the same key is refused, so nothing is compared.
        var run = ModelEvaluationPipeline.Run(records, "AU", seed: 1, new Cdm.Grains.Blocking.BlockingOptions { MaxBlockSize = 1 });

        Assert.Equal(0, run.CandidatePairs);
        Assert.Equal(0, run.Metrics.PredictedPairs);
        Assert.Equal(3, run.Metrics.TruePairs);
    }

    [Fact]
    public void Run_ReportsTheTrainedThresholds()
    {
        var records = LabelledCsv.ReadFebrl(new StringReader(Febrl));

        var run = ModelEvaluationPipeline.Run(records, "AU", seed: 1);

        Assert.Equal(Cdm.Grains.Matching.MatchModelTrainer.LinkProbability, run.Threshold);
        Assert.Equal(Cdm.Grains.Matching.MatchModelTrainer.ReviewProbability, run.ReviewThreshold);
        Assert.InRange(run.TrueReviewPairs, 0, run.ReviewPairs);
    }

    [Fact]
    public void Cluster_ClosesLinksTransitively()
    {
        // 0-1 and 1-2 put 0 and 2 in one profile though they were never linked; 3 stays alone; 4-5 form another.
        var profiles = ModelEvaluationPipeline.Cluster(6, [(1, 2), (0, 1), (5, 4)]);

        Assert.Equal([0, 0, 0, 3, 4, 4], profiles);
    }

    [Fact]
    public void Run_OnEmptyInputMeasuresNothing()
    {
        var run = ModelEvaluationPipeline.Run([], "AU", seed: 1);

        Assert.Equal(0, run.Records);
        Assert.Equal(0, run.CandidatePairs);
        Assert.Equal(0, run.Metrics.PredictedPairs);
    }
}
