import ArgumentParser
import Postgres
import ThiduaCore

struct InstallCatalogue: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalogue",
        abstract: "Nạp danh mục / Load huyện Tủa Chùa's units, movements, lead units and rounds, unless an area is there already.")

    @OptionGroup var target: SuperuserTarget

    func run() async throws {
        do {
            let connection = try await target.connect()
            defer { connection.close() }
            if try await Installer(superuser: connection).loadCatalogueIfEmpty() {
                Console.line("Đã nạp danh mục Tủa Chùa / loaded the Tủa Chùa catalogue")
            } else {
                Console.line("Đã có danh mục, không nạp lại / a catalogue is already there: nothing loaded")
            }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
