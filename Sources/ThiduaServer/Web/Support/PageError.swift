import Hummingbird
import Logging

/// A refusal shown on the page the user was on (a form keeps what they typed): the status and the Vietnamese
/// message of the error, classified exactly as the API classifies it.
struct PageError: Sendable {
    let status: HTTPResponse.Status
    let message: String

    init(_ error: any Error, logger: Logger) {
        let classified = ErrorMiddleware.classify(error, logger: logger)
        status = classified.status
        message = classified.vietnamese
    }
}
