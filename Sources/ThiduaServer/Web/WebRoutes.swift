import Hummingbird
import ThiduaCore

/// The Vietnamese web pages: sign-in and the stylesheet for anyone, everything else in a group whose context
/// is ``SignedInContext`` — a page there cannot run without a signed-in actor. Pages call the same repositories
/// as the API, so a record another unit owns is 404 here exactly as there.
struct WebRoutes: Sendable {
    let store: RecordStore
    let secureCookies: Bool
    /// Whether LibreOffice was found at start-up, so a decision's page links its PDF.
    let offersPDF: Bool

    func add(to router: Router<ThiduaRequestContext>) {
        let open = router.group()
        let pages = router.group(context: SignedInContext.self)
        let users = UserRepository(store: store)
        AssetRoutes().add(to: open)
        SignInPages(sessions: SessionRepository(store: store), users: users, secureCookies: secureCookies)
            .add(public: open, signedIn: pages)
        HomePage(store: store).add(to: pages)
        NominationListPage(store: store).add(to: pages)
        NominationFormPage(store: store).add(to: pages)
        NominationImportPage(store: store).add(to: pages)
        NominationRecordPage(store: store).add(to: pages)
        ReviewQueuePage(store: store).add(to: pages)
        MovementPages(store: store).add(to: pages)
        RoundPages(store: store).add(to: pages)
        CouncilListPage(store: store).add(to: pages)
        CouncilSessionPage(store: store).add(to: pages)
        DecisionListPage(store: store).add(to: pages)
        DecisionDraftPage(store: store).add(to: pages)
        DecisionPage(store: store, offersPDF: offersPDF).add(to: pages)
        ReportPages(store: store).add(to: pages)
        NewYearPage(store: store).add(to: pages)
        UserListPage(store: store).add(to: pages)
        UserAccountPage(store: store).add(to: pages)
        UnitAdministrationPage(store: store).add(to: pages)
    }
}
