import Foundation

/// Writes whole lines to standard output at once, unbuffered, so a script or test reading a pipe sees
/// each line (the server's address above all) the moment it is written.
enum Console {
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
