import ArgumentParser
import Foundation
import Postgres
import PostgresCluster
import ThiduaCore

/// Turns any error into a bilingual message on standard error and the documented exit code.
enum CommandFailure {
    static let unavailable: Int32 = 69
    static let dataError: Int32 = 65

    static func exit(for error: any Error) -> any Error {
        if error is ExitCode || error is ValidationError || error is CleanExit { return error }
        if let error = error as? ServerError {
            FileHandle.standardError.write(Data("thidua: \(error)\n".utf8))
            return ExitCode(error.exitCode)
        }
        if let error = error as? NameLookupError {
            FileHandle.standardError.write(Data("thidua: \(error)\n".utf8))
            return ExitCode(error.exitCode)
        }
        if let error = error as? ThiduaError {
            FileHandle.standardError.write(Data("thidua: \(error.vietnamese)\n        \(error.english)\n".utf8))
            switch error {
            case .notFound: return ExitCode(66)
            case .invalid, .duplicate: return ExitCode(dataError)
            default: return ExitCode(1)
            }
        }
        let (code, vietnamese) = classify(error)
        FileHandle.standardError.write(Data("thidua: \(vietnamese)\n        \(error)\n".utf8))
        return ExitCode(code)
    }

    private static func classify(_ error: any Error) -> (Int32, String) {
        switch error {
        case let error as PostgresError:
            switch error {
            case .connectionFailed, .connectionLost, .poolTimeout, .poolClosed:
                return (unavailable, "không kết nối được PostgreSQL / PostgreSQL is unavailable:")
            default:
                return (1, "lỗi cơ sở dữ liệu / database error:")
            }
        case is PostgresClusterError:
            return (unavailable, "không khởi động được PostgreSQL riêng / the private PostgreSQL could not be run:")
        case is ServerUnreachable:
            return (unavailable, "không kết nối được máy chủ thidua / the thidua server is unreachable:")
        case is MigrationError:
            return (dataError, "cơ sở dữ liệu từ chối cập nhật lược đồ / the schema could not be migrated:")
        default:
            return (1, "thất bại / failed:")
        }
    }
}
