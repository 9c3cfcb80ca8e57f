import NIOCore

/// Closes a connection whose client has closed its side, so ``ClientGoneResponder`` sees it inactive and cancels
/// the request still being handled.
///
/// Hummingbird lets the remote half-close a connection (`allowRemoteHalfClosure`), so a browser tab that went
/// away is only an `inputClosed` event and the channel stays active for the answer no one will read. Like nginx
/// (whose 499 this is), thidua takes a client's end of input during a request as the client leaving: a client
/// that half-closes on purpose and waits for its answer does not get it.
final class ClientGoneHandler: ChannelInboundHandler, RemovableChannelHandler {
    /// Every read passes on untouched; only the event below is looked at.
    typealias InboundIn = Any

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .some(ChannelEvent.inputClosed) = event as? ChannelEvent {
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }
}
