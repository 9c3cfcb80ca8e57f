import ArgumentParser

struct ExemplarsEvaluate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate", abstract: "Đánh giá / Record a periodic evaluation (the following unit, or the secretariat).")

    @OptionGroup var client: ClientOptions
    @Argument(help: "The exemplar (id).") var id: String
    @Option(help: "The day of the evaluation, yyyy-MM-dd.") var on: Day
    @Option(help: "What it covers: \"Năm 2022\", \"6 tháng đầu năm 2023\".") var period: String
    @Option(help: "Hiệu quả, tác dụng.") var effect: String
    @Option(help: "Hiệu suất.") var efficiency: String
    @Option(help: "Khả năng phát triển, nhân rộng.") var potential: String
    @Option(help: "Khó khăn, vướng mắc.") var problems: String?
    @Option(help: "Hỗ trợ đã thực hiện.") var helpGiven: String?

    func run() async throws {
        do {
            var body: [String: Any] = ["evaluatedOn": on.text, "period": period, "effect": effect, "efficiency": efficiency, "potential": potential]
            if let problems { body["problems"] = problems }
            if let helpGiven { body["helpGiven"] = helpGiven }
            let reply = try await client.client().send("POST", "/api/v1/exemplars/\(id)/evaluations", json: try ServerClient.json(body))
            try client.print(reply) { Console.line("Đã ghi đánh giá / Evaluation recorded: \(period)") }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
