import Hummingbird
import Logging
import NIOCore
import Postgres
import ThiduaCore

/// Builds thidua's HTTP application over a database pool.
///
/// ```swift
/// let app = ThiduaApplication.make(pool: pool, configuration: .init(port: 8080)) { address in print(address) }
/// try await app.runService()   // until SIGINT or SIGTERM
/// ```
/// Every route is in `openapi.yaml`; `ContractTests` fails when the two drift apart.
public enum ThiduaApplication {
    /// `standby`, when given, serves reports and the audit trail's reading once it has caught up (``StandbyReads``).
    public static func make(
        pool: PostgresPool,
        standby: StandbyReads? = nil,
        configuration: ServerConfiguration,
        logger: Logger = Logger(label: "thidua.server"),
        onListening: @escaping @Sendable (_ url: String) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            responder: ClientGoneResponder(inner: router(pool: pool, standby: standby, configuration: configuration).buildResponder()),
            server: .http1(configuration: .init(additionalChannelHandlers: [ClientGoneHandler()])),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "thidua"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                await onListening("http://\(configuration.host):\(port)")
            },
            logger: logger
        )
    }

    /// Whether `path` answers machines (the API, health, metrics, the contract), which `openapi.yaml` describes
    /// and which hear errors as JSON; every other path is a web page for people.
    public static func isMachinePath(_ path: String) -> Bool {
        path.hasPrefix("/api/") || ["/health", "/ready", "/metrics", "/openapi.yaml"].contains(path)
    }

    /// The routes and the middleware every request passes: request id, client address, access log, errors, session.
    public static func router(
        pool: PostgresPool, standby: StandbyReads? = nil, configuration: ServerConfiguration
    ) -> Router<ThiduaRequestContext> {
        let store = RecordStore(pool: pool, standby: standby, ballotKey: configuration.ballotKey)
        let users = UserRepository(store: store)
        let audit = AuditTrail(store: store)
        let metrics = RequestMetrics()
        let router = Router(context: ThiduaRequestContext.self)
        router.add(middleware: RequestIDMiddleware())
        router.add(middleware: ForwardedMiddleware(resolver: ClientAddress(trustedProxies: configuration.trustedProxies)))
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: AccessLogMiddleware(metrics: metrics))
        router.add(middleware: ErrorMiddleware())
        router.add(middleware: QueryTextMiddleware())
        router.add(middleware: SessionMiddleware(sessions: SessionRepository(store: store)))
        router.add(middleware: IdempotencyMiddleware(keys: IdempotencyRepository(store: store)))
        HealthRoutes(pool: pool, expectedMigrations: configuration.expectedMigrations).add(to: router)
        ContractRoutes().add(to: router)
        router.get("/metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: metrics.exposition)))
        }
        SessionRoutes(sessions: SessionRepository(store: store), secureCookies: configuration.secureCookies).add(to: router)
        NominationRoutes(nominations: NominationRepository(store: store), audit: audit).add(to: router)
        NominationImportRoute(nominations: NominationRepository(store: store)).add(to: router)
        CatalogueRoutes(units: UnitRepository(store: store), movements: MovementRepository(store: store), rounds: RoundRepository(store: store))
            .add(to: router)
        UserRoutes(users: users).add(to: router)
        AttachmentRoutes(attachments: AttachmentRepository(store: store)).add(to: router)
        CouncilRoutes(council: CouncilRepository(store: store)).add(to: router)
        DecisionRoutes(decisions: DecisionRepository(store: store), commendations: CommendationRepository(store: store),
                       pdfConverter: configuration.pdfConverter).add(to: router)
        ReportRoutes(reports: ReportRepository(store: store)).add(to: router)
        HoldRoutes(holds: HoldRepository(store: store)).add(to: router)
        LegalRuleRoutes(rules: LegalRules(store: store)).add(to: router)
        EligibilityRoutes(eligibility: EligibilityRepository(store: store)).add(to: router)
        ExemplarRoutes(exemplars: ExemplarRepository(store: store)).add(to: router)
        ReviewRoutes(exemplars: ExemplarRepository(store: store)).add(to: router)
        NoticeRoutes(notices: PublicNoticeRepository(store: store)).add(to: router)
        AuditRoutes(audit: audit, verifierURL: configuration.auditVerifierURL).add(to: router)
        WebRoutes(store: store, secureCookies: configuration.secureCookies, offersPDF: configuration.pdfConverter != nil).add(to: router)
        AuditPages(store: store, verifierURL: configuration.auditVerifierURL).add(to: router)
        return router
    }
}
