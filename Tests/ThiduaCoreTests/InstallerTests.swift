import Foundation
import Postgres
import Testing
@testable import ThiduaCore
import ThiduaTesting

/// A real deployment's first steps: the catalogue once, the first administrator by the installer alone, each
/// audited, bad input refused with nothing written (issue 17: from a fresh machine to a running system).
@Suite("InstallerTests")
struct InstallerTests {
    struct Deployment {
        let database: TestDatabase
        let superuser: PostgresConnection
        let installer: Installer
        let store: RecordStore

        static func make() async throws -> Deployment {
            let database = try await TestDatabase.make()
            let superuser = try await database.connect()
            let store = RecordStore(pool: try database.pool(user: "thidua_app"))
            return Deployment(database: database, superuser: superuser, installer: Installer(superuser: superuser), store: store)
        }

        func count(_ sql: String) async throws -> Int {
            try await superuser.query(PostgresQuery(unsafeSQL: sql)).single()!.decode(Int.self, at: 0)
        }
    }

    @Test func theCatalogueIsLoadedOnceAndAudited() async throws {
        let deployment = try await Deployment.make()
        #expect(try await deployment.installer.loadCatalogueIfEmpty())
        let units = try await deployment.count("SELECT count(*) FROM thidua.units")
        #expect(units > 20)
        #expect(try await deployment.installer.loadCatalogueIfEmpty() == false)
        #expect(try await deployment.count("SELECT count(*) FROM thidua.units") == units)
        #expect(try await deployment.count("SELECT count(*) FROM thidua.users") == 0, "no demo account in a real deployment")
        #expect(try await deployment.count("""
            SELECT count(*) FROM thidua.audit_events WHERE record_type = 'units' AND actor_role = 'installer'
            """) == units)
    }

    @Test func theFirstAdministratorSignsInAndMakesTheOfficesUsers() async throws {
        let deployment = try await Deployment.make()
        _ = try await deployment.installer.loadCatalogueIfEmpty()
        let admin = try await deployment.installer.createAdministrator(
            unitCode: "hoi-dong-tdkt", username: "QuanTri", fullName: "Đào Minh Khôi", password: "mật-khẩu-dài-đủ")

        let session = try await SessionRepository(store: deployment.store).signIn(
            username: "quantri", password: "mật-khẩu-dài-đủ", address: "192.0.2.1")
        #expect(session.userID == admin)
        let actor = try #require(try await SessionRepository(store: deployment.store).actor(for: session.token))
        #expect(actor.roles.contains(.admin))
        let clerk = try await UserRepository(store: deployment.store).create(
            unitID: actor.unitID, username: "noivu.moi", fullName: "Nguyễn Văn Mới", password: "một-mật-khẩu-khác", by: actor)
        #expect(try await deployment.count("SELECT count(*) FROM thidua.users WHERE id = '\(clerk.uuidString.lowercased())'") == 1)

        #expect(try await deployment.count("""
            SELECT count(*) FROM thidua.audit_events
            WHERE action = 'install.administrator' AND actor_role = 'installer' AND record_type IN ('users', 'role_grants')
            """) == 2)
        #expect(try await AuditVerifier(connection: deployment.superuser).verify().problem == nil)
    }

    @Test func badInputIsRefusedAndWritesNothing() async throws {
        let deployment = try await Deployment.make()
        _ = try await deployment.installer.loadCatalogueIfEmpty()
        let events = try await deployment.count("SELECT count(*) FROM thidua.audit_events")

        await #expect(throws: ThiduaError.notFound("đơn vị / unit khong-co")) {
            try await deployment.installer.createAdministrator(
                unitCode: "khong-co", username: "quantri", fullName: "Đào Minh Khôi", password: "mật-khẩu-dài-đủ")
        }
        await #expect(throws: ThiduaError.self) {
            try await deployment.installer.createAdministrator(
                unitCode: "hoi-dong-tdkt", username: "quantri", fullName: "Đào Minh Khôi", password: "ngắn")
        }
        await #expect(throws: ThiduaError.self) {
            try await deployment.installer.createAdministrator(
                unitCode: "hoi-dong-tdkt", username: "a b", fullName: "Đào Minh Khôi", password: "mật-khẩu-dài-đủ")
        }
        _ = try await deployment.installer.createAdministrator(
            unitCode: "hoi-dong-tdkt", username: "quantri", fullName: "Đào Minh Khôi", password: "mật-khẩu-dài-đủ")
        await #expect(throws: ThiduaError.duplicate(field: "username")) {
            try await deployment.installer.createAdministrator(
                unitCode: "hoi-dong-tdkt", username: "quantri", fullName: "Người Khác", password: "mật-khẩu-dài-đủ")
        }
        #expect(try await deployment.count("SELECT count(*) FROM thidua.users") == 1)
        #expect(try await deployment.count("SELECT count(*) FROM thidua.audit_events") == events + 2)
    }
}
