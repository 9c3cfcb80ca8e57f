import ThiduaCore

/// What the certificates template lays out: the decision's certificates, one page each.
struct CertificatesPage: Sendable {
    var title: String
    var certificates: [Certificate]

    init(certificates: [Certificate]) {
        title = "Giấy khen – " + (certificates.first?.decisionLine ?? "không có giấy khen")
        self.certificates = certificates
    }
}
