/// The rule as the minutes state it, so whoever reads them can check each outcome against the rule by hand.
///
/// ```swift
/// CouncilRule.standard.vietnamese.first
/// // "Biểu quyết khi có ít nhất 2/3 tổng số thành viên Hội đồng (kể cả thành viên vắng mặt) tham gia."
/// ```
extension CouncilRule {
    public var vietnamese: [String] {
        var sentences = [
            "Biểu quyết khi có ít nhất \(Self.share(quorumNumerator, quorumDenominator)) tổng số thành viên Hội đồng "
                + "(kể cả thành viên vắng mặt) tham gia.",
            "Hồ sơ được thông qua khi số phiếu tán thành \(strictlyMore ? "trên" : "từ") "
                + "\(Self.share(thresholdNumerator, thresholdDenominator))\(strictlyMore ? "" : " trở lên") \(baseWords).",
        ]
        if strictlyMore {
            sentences.append(tieBreak == .chairmanSide
                ? "Nếu số phiếu tán thành đúng bằng tỷ lệ trên, kết quả theo phía Chủ tịch Hội đồng biểu quyết."
                : "Nếu số phiếu tán thành đúng bằng tỷ lệ trên, hồ sơ không được thông qua.")
        }
        sentences.append(recusedExcluded
            ? "Thành viên rút khỏi xét một hồ sơ không được tính vào số thành viên khi xét hồ sơ đó."
            : "Thành viên rút khỏi xét một hồ sơ vẫn được tính vào tổng số thành viên khi xét hồ sơ đó (không tính là phiếu tán thành).")
        sentences.append(writtenVotesAllowed
            ? "Thành viên vắng mặt biểu quyết bằng văn bản; phiếu bằng văn bản được tính như phiếu tại phiên họp."
            : "Không lấy ý kiến bằng văn bản của thành viên vắng mặt.")
        sentences.append(ballotWords)
        sentences.append("Căn cứ: \(legalBasis).")
        return sentences
    }

    private var ballotWords: String {
        switch ballot {
        case .open: "Hình thức biểu quyết: công khai; biên bản ghi ý kiến của từng thành viên."
        case .written: "Hình thức biểu quyết: bằng văn bản; biên bản ghi ý kiến của từng thành viên."
        case .secret: "Hình thức biểu quyết: bỏ phiếu kín; biên bản chỉ ghi số phiếu, không ghi thành viên nào biểu quyết thế nào."
        }
    }

    private var baseWords: String {
        switch base {
        case .members: "tổng số thành viên Hội đồng"
        case .present: "số thành viên tham gia biểu quyết (phiếu không biểu quyết vẫn được tính)"
        case .votesCast: "tổng số phiếu tán thành và không tán thành (không tính phiếu không biểu quyết)"
        }
    }

    /// "2/3"; "1/2 (50%)" and "9/10 (90%)" where the share is a whole percentage.
    private static func share(_ numerator: Int, _ denominator: Int) -> String {
        let fraction = "\(numerator)/\(denominator)"
        return (numerator * 100) % denominator == 0 ? "\(fraction) (\(numerator * 100 / denominator)%)" : fraction
    }
}

extension VoteChoice {
    public var vietnamese: String {
        switch self {
        case .approve: "Tán thành"
        case .reject: "Không tán thành"
        case .abstain: "Không biểu quyết"
        }
    }
}

extension CouncilTally {
    /// "Thành viên Hội đồng: 5; rút khỏi xét: 0; tán thành: 4; không tán thành: 1; không biểu quyết: 0.", and the
    /// written votes after it when there are any.
    public var vietnamese: String {
        let meeting = "Thành viên Hội đồng: \(members); rút khỏi xét: \(recused); tán thành: \(approve); "
            + "không tán thành: \(reject); không biểu quyết: \(abstain)."
        guard written.total > 0 else { return meeting }
        return meeting + " Phiếu bằng văn bản của thành viên vắng mặt: tán thành: \(written.approve); "
            + "không tán thành: \(written.reject); không biểu quyết: \(written.abstain)."
    }
}

extension CouncilOutcome {
    /// The outcome as the minutes write it; `nil` is an item not yet counted.
    public static func vietnamese(_ outcome: CouncilOutcome?) -> String {
        switch outcome {
        case .approved: "Thông qua: đề nghị khen thưởng."
        case .rejected: "Không thông qua."
        case .noQuorum: "Không đủ số thành viên tham gia biểu quyết: hồ sơ được xét lại ở phiên họp sau."
        case nil: "Chưa kiểm phiếu (phiên họp chưa kết thúc)."
        }
    }
}
