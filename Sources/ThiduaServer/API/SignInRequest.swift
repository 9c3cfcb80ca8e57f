/// `POST /api/v1/sessions`.
struct SignInRequest: Decodable {
    var username: String
    var password: String
}
