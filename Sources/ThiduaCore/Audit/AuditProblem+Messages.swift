extension AuditProblem {
    /// The problem in Vietnamese, for the auditor's report.
    public var vietnamese: String {
        let event = eventID.map { "Sự kiện #\($0)" } ?? "Sự kiện"
        let record = record.map { "bản ghi \($0)" } ?? "bản ghi"
        let seq = seq ?? 0
        let checkpoint = checkpointID.map { "mốc niêm phong #\($0)" } ?? "mốc niêm phong"
        switch cause {
        case .hashDoesNotRecompute:
            return "\(event) (\(record), thứ tự \(seq)) đã bị sửa: nội dung không còn khớp với mã băm của nó."
        case .gap(let previousSeq, let foundSeq, let foundEventID):
            return "Thiếu sự kiện thứ tự \(seq) của \(record): chuỗi nhảy từ thứ tự \(previousSeq) sang \(foundSeq) (sự kiện #\(foundEventID))."
        case .repeatedSeq:
            return "\(event) lặp lại thứ tự \(seq) của \(record): nó được chèn thêm."
        case .brokenLink:
            return "\(event) (\(record), thứ tự \(seq)) không còn nối với sự kiện liền trước: phần chuỗi trước nó đã bị viết lại và tính lại mã băm."
        case .headHashDiffers:
            return "\(event) (\(record), thứ tự \(seq)) có mã băm khác với mã \(checkpoint) đã niêm phong: chuỗi của bản ghi đã bị viết lại và tính lại mã băm."
        case .tailRemoved(let sealedSeq):
            return "Các sự kiện của \(record) từ thứ tự \(seq) trở đi đã bị xóa: \(checkpoint) đã niêm phong chuỗi đến thứ tự \(sealedSeq)."
        case .unsealedInSealedRange:
            return "\(event) (\(record), thứ tự \(seq)) có mã số nằm trong khoảng của \(checkpoint) nhưng không được niêm phong ở đó: nó được chèn vào sau."
        case .beforeFirstRange:
            return "\(event) (\(record), thứ tự \(seq)) có mã số nằm trước mọi khoảng đã niêm phong: nó được chèn vào sau."
        case .sealedEventMoved:
            return "\(event) (\(record), thứ tự \(seq)) đã được niêm phong ở \(checkpoint) nhưng nay mang mã số ngoài khoảng đó: nó đã bị xóa rồi chèn lại."
        case .headOfUnknownCheckpoint(let sealedSeq):
            return "Đầu chuỗi thứ tự \(sealedSeq) của \(record) thuộc về \(checkpoint), mốc này không tồn tại."
        case .checkpointMissing:
            return "Thiếu \(checkpoint): chuỗi các mốc niêm phong bị đứt."
        case .rangeDoesNotFollow(let expectedFirst):
            return "Khoảng sự kiện của \(checkpoint) không nối tiếp mốc trước: phải bắt đầu từ sự kiện #\(expectedFirst)."
        case .malformedRange:
            return "Khoảng sự kiện hoặc số sự kiện của \(checkpoint) không hợp lệ."
        case .linkToPreviousBroken:
            return "\(checkpoint.capitalizedFirst) không nối với gốc của mốc trước."
        case .rootDoesNotRecompute:
            return "Gốc của \(checkpoint) không khớp khi tính lại: mốc đã bị sửa."
        case .headsDigestDiffers:
            return "Danh sách đầu chuỗi của \(checkpoint) đã bị sửa: mã tổng hợp không khớp."
        case .eventCountDiffers(let sealed, let found):
            return "\(checkpoint.capitalizedFirst) đã niêm phong \(sealed) sự kiện, nay khoảng đó có \(found)."
        case .keptRootDiffers:
            return "Gốc của \(checkpoint) khác với gốc được lưu giữ bên ngoài cơ sở dữ liệu: các mốc đã bị làm lại."
        case .keptCheckpointMissing:
            return "Không còn \(checkpoint), mốc có gốc được lưu giữ bên ngoài cơ sở dữ liệu."
        case .noCheckpointForKeptRoot:
            return "Không còn mốc niêm phong nào, dù đã có gốc được lưu giữ bên ngoài cơ sở dữ liệu."
        case .recordWithoutEvents:
            return "Bản ghi \(self.record.map { "\($0)" } ?? "") đang tồn tại nhưng nhật ký không có sự kiện nào về nó: các sự kiện đã bị xóa, hoặc bản ghi được thêm khi tắt nhật ký."
        case .recordAfterDeletion:
            return "Bản ghi \(self.record.map { "\($0)" } ?? "") đang tồn tại dù \(event.lowercasedFirst) của nó ghi nhận việc xóa: bản ghi được thêm lại khi tắt nhật ký, hoặc các sự kiện sau đó đã bị xóa."
        }
    }

    /// The problem in English.
    public var english: String {
        let event = eventID.map { "Event #\($0)" } ?? "An event"
        let record = record.map { "record \($0)" } ?? "the record"
        let seq = seq ?? 0
        let checkpoint = checkpointID.map { "checkpoint #\($0)" } ?? "a checkpoint"
        switch cause {
        case .hashDoesNotRecompute:
            return "\(event) (\(record), seq \(seq)) was edited: its content no longer matches its hash."
        case .gap(let previousSeq, let foundSeq, let foundEventID):
            return "Event seq \(seq) of \(record) is missing: the chain jumps from seq \(previousSeq) to \(foundSeq) (event #\(foundEventID))."
        case .repeatedSeq:
            return "\(event) repeats seq \(seq) of \(record): it was inserted."
        case .brokenLink:
            return "\(event) (\(record), seq \(seq)) no longer links to the event before it: the chain before it was rewritten and hashed again."
        case .headHashDiffers:
            return "\(event) (\(record), seq \(seq)) does not have the hash \(checkpoint) sealed: the record's chain was rewritten and hashed again."
        case .tailRemoved(let sealedSeq):
            return "The events of \(record) from seq \(seq) on were removed: \(checkpoint) sealed its chain up to seq \(sealedSeq)."
        case .unsealedInSealedRange:
            return "\(event) (\(record), seq \(seq)) has an id inside the range of \(checkpoint) but was not sealed there: it was inserted later."
        case .beforeFirstRange:
            return "\(event) (\(record), seq \(seq)) has an id before every sealed range: it was inserted later."
        case .sealedEventMoved:
            return "\(event) (\(record), seq \(seq)) was sealed by \(checkpoint) but now has an id outside its range: it was removed and inserted again."
        case .headOfUnknownCheckpoint(let sealedSeq):
            return "The head at seq \(sealedSeq) of \(record) belongs to \(checkpoint), which does not exist."
        case .checkpointMissing:
            return "\(checkpoint.capitalizedFirst) is missing: the chain of checkpoints is broken."
        case .rangeDoesNotFollow(let expectedFirst):
            return "The event range of \(checkpoint) does not follow the previous one: it must start at event #\(expectedFirst)."
        case .malformedRange:
            return "The event range or count of \(checkpoint) is not valid."
        case .linkToPreviousBroken:
            return "\(checkpoint.capitalizedFirst) does not link to the previous checkpoint's root."
        case .rootDoesNotRecompute:
            return "The root of \(checkpoint) does not recompute: the checkpoint was edited."
        case .headsDigestDiffers:
            return "The heads of \(checkpoint) were edited: their digest does not recompute."
        case .eventCountDiffers(let sealed, let found):
            return "\(checkpoint.capitalizedFirst) sealed \(sealed) events; its range now holds \(found)."
        case .keptRootDiffers:
            return "The root of \(checkpoint) differs from the root kept outside the database: the checkpoints were redone."
        case .keptCheckpointMissing:
            return "\(checkpoint.capitalizedFirst), whose root was kept outside the database, no longer exists."
        case .noCheckpointForKeptRoot:
            return "There is no checkpoint at all, though a root was kept outside the database."
        case .recordWithoutEvents:
            return "Record \(self.record.map { "\($0)" } ?? "") exists but the trail holds no event about it: its events were removed, or it was added with auditing off."
        case .recordAfterDeletion:
            return "Record \(self.record.map { "\($0)" } ?? "") exists though \(event.lowercasedFirst), its last, records its deletion: it was put back with auditing off, or the events after were removed."
        }
    }
}

private extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
