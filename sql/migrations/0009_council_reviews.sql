-- Council review sessions (issue 4 §1, DESIGN.md §4–5, LAW.md "Council").
--
-- The secretariat opens a session over verified nominations of one round. In that same transaction the
-- council's membership is frozen into the session's roster (everyone of the area holding council_member or
-- chairman at that moment), members whose own unit submitted an item are recused from it by default, and the
-- items' nominations move to in_review. Members then vote approve / reject / abstain (a comment is optional)
-- or recuse themselves with a reason; a vote may be changed until the session closes, each change an UPDATE
-- that advances its version (stale → no row, which the repository reports as a conflict) and is audited.
-- Closing tallies every item in the same transaction, by the rule snapshotted when the session opened, and
-- moves each nomination to approved, rejected, or back to verified when the quorum was missed.
--
-- The rule is data (council_rules), with its legal basis and the dates it applies. The session's rule is the
-- one the secretariat names, else the round's (rounds.council_rule_id), else the area's default in force on
-- the day the session opens, else the national default in force. The national defaults below are the two
-- LAW.md asks for: the standard rule (quorum 2/3, more than half of those present, open ballot — the central
-- council's majority rule under Luật Thi đua, khen thưởng 06/2022/QH15, in force 01/01/2024), and the old
-- Nghị định 91/2017 rule (≥ 90% of all members, secret ballot) for Chiến sĩ thi đua proposals. Both are the
-- same values as CouncilRule.standard and .ninetyPercentSecret in Swift; CouncilReviewTests checks that the
-- database's outcome (thidua.council_outcome) and the Swift rule agree on every case of CouncilRuleTests.
--
-- Secret ballot. The audit trail keeps before/after JSON of every row change with the acting user, and the
-- secretariat and auditors read it; a row's xmin also ties it to the transaction that wrote it. So under a
-- secret ballot no row any application or reader role can read links a voter to a choice:
--   * council_votes records participation only: who voted on which item, when, at which version; choice and
--     comment are NULL (a comment would reveal the vote). It is audited like any row.
--   * council_secret_ballots holds the choices, keyed by token = HMAC-SHA256(session secret, item ‖ member).
--     Only thidua_definer can read it or the secret (council_ballot_secrets); neither table is granted to
--     thidua_app or thidua_reader, and neither is audited (an event would carry the voter as actor_id and the
--     choice in its JSON). cast_secret_vote() writes both rows in one transaction; tally_secret_ballots()
--     counts the ballots into the items when the session closes and wipes the secret, after which no one,
--     the definer included, can recompute which token was whose. The two unaudited tables are listed in
--     CouncilReviewTests; the counts, the participation and every change of it are audited.
--
-- Races. Voting and recusing take a shared advisory lock on the session and an exclusive one on (session,
-- member); closing takes the session's lock exclusively. Members therefore never wait for one another (no
-- shared row is written), one member's two sessions are independent, one member's two requests in a session
-- are serialised (the second then finds a changed version), and a vote racing a close either commits first
-- and is counted or waits for the close and is refused as "session closed" (TD022).
--
-- Errors: TD020 not on the session's roster (or excused) · TD021 recused from the item · TD022 the session is
-- not open · TD023 wrong ballot path (a secret vote written directly, an open vote without a choice) ·
-- TD024 a recusal after voting on the item.
SET LOCAL ROLE thidua_owner;
SET LOCAL search_path = thidua, public;

-- A council's rule. area_id NULL: the national rule, from the law; an area's secretariat adds its own.
CREATE TABLE council_rules (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    area_id text REFERENCES areas,
    code text NOT NULL CHECK (code ~ '^[a-z0-9-]+$'),
    name text NOT NULL CHECK (name IS NFC NORMALIZED AND btrim(name) <> ''),
    -- Share of eligible members who must take part.
    quorum_numerator integer NOT NULL CHECK (quorum_numerator >= 0),
    quorum_denominator integer NOT NULL CHECK (quorum_denominator > 0),
    -- Share of `base` that must approve; strictly more than it ("quá bán") or at least it ("từ 90% trở lên").
    threshold_numerator integer NOT NULL CHECK (threshold_numerator >= 0),
    threshold_denominator integer NOT NULL CHECK (threshold_denominator > 0),
    strictly_more boolean NOT NULL,
    -- members: everyone eligible on the item; present: those who voted (abstentions count against);
    -- votes_cast: approvals and rejections only.
    base text NOT NULL CHECK (base IN ('members', 'present', 'votes_cast')),
    -- written is kept like open (who voted how is recorded); only secret hides it.
    ballot text NOT NULL CHECK (ballot IN ('open', 'secret', 'written')),
    tie_break text NOT NULL CHECK (tie_break IN ('not_approved', 'chairman_side')),
    legal_basis text NOT NULL CHECK (legal_basis IS NFC NORMALIZED AND btrim(legal_basis) <> ''),
    -- The rule a session takes when neither the secretariat nor the round names one.
    is_default boolean NOT NULL DEFAULT false,
    valid_from date NOT NULL,
    valid_to date,
    version integer NOT NULL DEFAULT 1 CHECK (version > 0),
    CHECK (valid_to IS NULL OR valid_to > valid_from),
    CHECK (quorum_numerator <= quorum_denominator AND threshold_numerator <= threshold_denominator)
);
CREATE UNIQUE INDEX council_rules_code ON council_rules (coalesce(area_id, ''), code);
CREATE UNIQUE INDEX council_rules_one_default_from ON council_rules (coalesce(area_id, ''), valid_from) WHERE is_default;
COMMENT ON TABLE council_rules IS 'How a council decides (LAW.md, "Council"); area_id NULL is national. Defaults and their basis: 0009.';

-- The law's rules, part of the schema like sign_in_rules' defaults (0008): inserted before the audit trigger
-- exists, so a fresh database's trail stays empty; every later change is audited.
INSERT INTO council_rules (code, name, quorum_numerator, quorum_denominator, threshold_numerator, threshold_denominator,
                           strictly_more, base, ballot, tie_break, legal_basis, is_default, valid_from)
VALUES
    ('standard', 'Biểu quyết theo đa số thành viên có mặt, bỏ phiếu công khai', 2, 3, 1, 2, true, 'present', 'open',
     'not_approved',
     'Nguyên tắc tập trung dân chủ, biểu quyết theo đa số; có mặt ít nhất 2/3 thành viên (Luật Thi đua, khen thưởng 2022)',
     true, '2024-01-01'),
    ('ninety-percent-secret', 'Bỏ phiếu kín, từ 90% tổng số thành viên trở lên (Chiến sĩ thi đua)', 2, 3, 9, 10, false,
     'members', 'secret', 'not_approved',
     'Bỏ phiếu kín, đạt từ 90% tổng số thành viên Hội đồng trở lên (Nghị định 91/2017/NĐ-CP, điều 54; đã hết hiệu lực)',
     false, '2024-01-01');

ALTER TABLE rounds ADD COLUMN council_rule_id uuid REFERENCES council_rules;
COMMENT ON COLUMN rounds.council_rule_id IS 'The council rule of the round''s sessions; NULL: the default in force (council_rules.is_default).';

CREATE TABLE council_sessions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    area_id text NOT NULL REFERENCES areas,
    round_id uuid NOT NULL REFERENCES rounds,
    title text NOT NULL CHECK (title IS NFC NORMALIZED AND btrim(title) <> ''),
    -- The rule, and a snapshot of it taken by guard_council_session when the session opens.
    rule_id uuid NOT NULL REFERENCES council_rules,
    quorum_numerator integer NOT NULL,
    quorum_denominator integer NOT NULL,
    threshold_numerator integer NOT NULL,
    threshold_denominator integer NOT NULL,
    strictly_more boolean NOT NULL,
    base text NOT NULL,
    ballot text NOT NULL,
    tie_break text NOT NULL,
    legal_basis text NOT NULL,
    state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
    opened_by uuid NOT NULL REFERENCES users,
    opened_at timestamptz NOT NULL DEFAULT now(),
    -- The transactions that opened and closed it: the roster and items are written only in the first, the
    -- tally and the nominations' outcomes only in the second.
    opened_xact xid8 NOT NULL DEFAULT pg_current_xact_id(),
    closed_by uuid REFERENCES users,
    closed_at timestamptz,
    closed_xact xid8,
    version integer NOT NULL DEFAULT 1 CHECK (version > 0),
    CHECK ((state = 'closed') = (closed_at IS NOT NULL)),
    CHECK ((closed_at IS NULL) = (closed_by IS NULL) AND (closed_at IS NULL) = (closed_xact IS NULL))
);
CREATE INDEX council_sessions_round ON council_sessions (round_id);

-- Who sat on the council for the session, frozen when it opened (freeze_council_roster). Never changed.
CREATE TABLE council_roster (
    session_id uuid NOT NULL REFERENCES council_sessions,
    user_id uuid NOT NULL REFERENCES users,
    -- The member's unit when the session opened: a nomination of this unit is one they are recused from.
    member_unit_id uuid NOT NULL REFERENCES units,
    is_chairman boolean NOT NULL,
    -- false: excused by the secretariat at opening (on leave, on mission): on the roster for the minutes,
    -- neither votes nor counts toward the quorum or the threshold.
    counts_for_quorum boolean NOT NULL,
    PRIMARY KEY (session_id, user_id)
);
CREATE INDEX council_roster_user ON council_roster (user_id);

CREATE TABLE council_session_items (
    session_id uuid NOT NULL REFERENCES council_sessions,
    nomination_id uuid NOT NULL REFERENCES nominations,
    area_id text NOT NULL REFERENCES areas,
    -- The nomination's unit, so that the unit reads its own item's tally and outcome (and their history).
    unit_id uuid NOT NULL REFERENCES units,
    -- The tally, written once when the session closes (guard_council_item computes or checks it).
    tallied_at timestamptz,
    eligible integer CHECK (eligible >= 0),
    approve integer CHECK (approve >= 0),
    reject integer CHECK (reject >= 0),
    abstain integer CHECK (abstain >= 0),
    -- The chairman's vote, for a rule whose ties follow it; never known under a secret ballot.
    chairman_vote text CHECK (chairman_vote IN ('approve', 'reject', 'abstain')),
    outcome text CHECK (outcome IN ('approved', 'rejected', 'no_quorum')),
    PRIMARY KEY (session_id, nomination_id),
    CHECK ((tallied_at IS NULL) = (outcome IS NULL)),
    CHECK ((outcome IS NULL) = (eligible IS NULL) AND (outcome IS NULL) = (approve IS NULL)
           AND (outcome IS NULL) = (reject IS NULL) AND (outcome IS NULL) = (abstain IS NULL))
);
CREATE INDEX council_session_items_nomination ON council_session_items (nomination_id);

CREATE TABLE council_recusals (
    session_id uuid NOT NULL,
    nomination_id uuid NOT NULL,
    member_id uuid NOT NULL,
    reason text NOT NULL CHECK (reason IS NFC NORMALIZED AND btrim(reason) <> ''),
    -- Made when the session opened, because the member's own unit submitted the nomination.
    by_default boolean NOT NULL DEFAULT false,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (session_id, nomination_id, member_id),
    FOREIGN KEY (session_id, nomination_id) REFERENCES council_session_items,
    FOREIGN KEY (session_id, member_id) REFERENCES council_roster (session_id, user_id)
);

-- One row per member and item: the vote under an open or written ballot; participation only under a secret one.
CREATE TABLE council_votes (
    session_id uuid NOT NULL,
    nomination_id uuid NOT NULL,
    member_id uuid NOT NULL,
    choice text CHECK (choice IN ('approve', 'reject', 'abstain')),
    comment text CHECK (comment IS NFC NORMALIZED AND btrim(comment) <> ''),
    cast_at timestamptz NOT NULL DEFAULT now(),
    changed_at timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL DEFAULT 1 CHECK (version > 0),
    PRIMARY KEY (session_id, nomination_id, member_id),
    FOREIGN KEY (session_id, nomination_id) REFERENCES council_session_items,
    FOREIGN KEY (session_id, member_id) REFERENCES council_roster (session_id, user_id)
);
CREATE INDEX council_votes_member ON council_votes (member_id);

-- Secret ballots: readable and writable by thidua_definer alone (no grant to the application or readers), not
-- audited, by design (see the head of this file).
CREATE TABLE council_ballot_secrets (
    session_id uuid PRIMARY KEY REFERENCES council_sessions,
    -- 32 random bytes while the session is open; NULL from its close on.
    secret bytea CHECK (secret IS NULL OR octet_length(secret) = 32)
);
COMMENT ON TABLE council_ballot_secrets IS 'Not audited, not granted: the key of a secret ballot''s tokens, wiped at close (0009).';

CREATE TABLE council_secret_ballots (
    session_id uuid NOT NULL,
    nomination_id uuid NOT NULL,
    -- HMAC-SHA256(secret, nomination id ‖ "/" ‖ member id): the member's ballot while the secret lasts,
    -- no one's once it is wiped. No timestamp or version, which would tie it to a participation row.
    token bytea NOT NULL CHECK (octet_length(token) = 32),
    choice text NOT NULL CHECK (choice IN ('approve', 'reject', 'abstain')),
    PRIMARY KEY (session_id, nomination_id, token),
    FOREIGN KEY (session_id, nomination_id) REFERENCES council_session_items
);
COMMENT ON TABLE council_secret_ballots IS 'Not audited, not granted: secret ballots under unlinkable tokens (0009).';

-- The outcome of one item under a rule: the same arithmetic as CouncilRule.outcome(of:) in Swift, in integers.
CREATE FUNCTION council_outcome(
    quorum_numerator integer, quorum_denominator integer, threshold_numerator integer, threshold_denominator integer,
    strictly_more boolean, base text, tie_break text,
    eligible integer, approve integer, reject integer, abstain integer, chairman_vote text
) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE
    WHEN eligible <= 0 OR (approve + reject + abstain) * quorum_denominator < eligible * quorum_numerator THEN 'no_quorum'
    WHEN (CASE base WHEN 'members' THEN eligible WHEN 'present' THEN approve + reject + abstain ELSE approve + reject END) <= 0
        THEN 'rejected'
    WHEN approve * threshold_denominator
         > (CASE base WHEN 'members' THEN eligible WHEN 'present' THEN approve + reject + abstain ELSE approve + reject END)
           * threshold_numerator
        THEN 'approved'
    WHEN approve * threshold_denominator
         = (CASE base WHEN 'members' THEN eligible WHEN 'present' THEN approve + reject + abstain ELSE approve + reject END)
           * threshold_numerator
        THEN CASE
            WHEN NOT strictly_more THEN 'approved'
            WHEN tie_break = 'chairman_side' AND chairman_vote IS NOT NULL
                THEN CASE chairman_vote WHEN 'approve' THEN 'approved' ELSE 'rejected' END
            ELSE 'rejected' END
    ELSE 'rejected'
END;

-- The advisory locks of the races described above: (class, key) pairs, the class naming what is locked.
CREATE FUNCTION council_session_lock_key(target_session uuid) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN hashtext('thidua.council_session/' || target_session::text);

CREATE FUNCTION council_member_lock_key(target_session uuid, member uuid) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN hashtext('thidua.council_member/' || target_session::text || '/' || member::text);

-- A session opens with its rule resolved and snapshotted, and closes once; nothing else about it changes.
CREATE FUNCTION guard_council_session() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    actor uuid := thidua.actor_id();
    chosen_rule thidua.council_rules;
BEGIN
    IF actor IS NULL THEN
        RAISE EXCEPTION 'no acting user' USING ERRCODE = 'TD001';
    END IF;
    IF NOT 'secretariat' = ANY (thidua.actor_roles()) THEN
        RAISE EXCEPTION 'only the secretariat opens and closes council sessions' USING ERRCODE = 'TD008';
    END IF;

    IF TG_OP = 'INSERT' THEN
        IF NEW.state <> 'open' OR NEW.opened_by IS DISTINCT FROM actor OR NEW.version <> 1 OR NEW.closed_at IS NOT NULL THEN
            RAISE EXCEPTION 'a session opens by the one who opens it' USING ERRCODE = 'TD006';
        END IF;
        IF NOT EXISTS (SELECT FROM thidua.rounds r WHERE r.id = NEW.round_id AND r.area_id = NEW.area_id) THEN
            RAISE EXCEPTION 'the round is not of the session''s area' USING ERRCODE = 'TD002';
        END IF;
        NEW.rule_id := coalesce(
            NEW.rule_id,
            (SELECT r.council_rule_id FROM thidua.rounds r WHERE r.id = NEW.round_id),
            (SELECT c.id FROM thidua.council_rules c
             WHERE c.is_default AND (c.area_id = NEW.area_id OR c.area_id IS NULL)
               AND c.valid_from <= current_date AND (c.valid_to IS NULL OR c.valid_to > current_date)
             ORDER BY c.area_id IS NULL, c.valid_from DESC LIMIT 1));
        SELECT * INTO chosen_rule FROM thidua.council_rules c
        WHERE c.id = NEW.rule_id AND (c.area_id = NEW.area_id OR c.area_id IS NULL);
        IF NOT FOUND THEN
            RAISE EXCEPTION 'no council rule of the area or the law applies' USING ERRCODE = 'TD002';
        END IF;
        NEW.quorum_numerator := chosen_rule.quorum_numerator;
        NEW.quorum_denominator := chosen_rule.quorum_denominator;
        NEW.threshold_numerator := chosen_rule.threshold_numerator;
        NEW.threshold_denominator := chosen_rule.threshold_denominator;
        NEW.strictly_more := chosen_rule.strictly_more;
        NEW.base := chosen_rule.base;
        NEW.ballot := chosen_rule.ballot;
        NEW.tie_break := chosen_rule.tie_break;
        NEW.legal_basis := chosen_rule.legal_basis;
        NEW.opened_at := now();
        NEW.opened_xact := pg_current_xact_id();
        RETURN NEW;
    END IF;

    IF (NEW.id, NEW.area_id, NEW.round_id, NEW.title, NEW.rule_id, NEW.quorum_numerator, NEW.quorum_denominator,
        NEW.threshold_numerator, NEW.threshold_denominator, NEW.strictly_more, NEW.base, NEW.ballot, NEW.tie_break,
        NEW.legal_basis, NEW.opened_by, NEW.opened_at, NEW.opened_xact)
       IS DISTINCT FROM
       (OLD.id, OLD.area_id, OLD.round_id, OLD.title, OLD.rule_id, OLD.quorum_numerator, OLD.quorum_denominator,
        OLD.threshold_numerator, OLD.threshold_denominator, OLD.strictly_more, OLD.base, OLD.ballot, OLD.tie_break,
        OLD.legal_basis, OLD.opened_by, OLD.opened_at, OLD.opened_xact) THEN
        RAISE EXCEPTION 'a session''s round, rule and opening never change' USING ERRCODE = 'TD006';
    END IF;
    IF OLD.state <> 'open' OR NEW.state <> 'closed' THEN
        RAISE EXCEPTION 'a session is closed once' USING ERRCODE = 'TD022';
    END IF;
    IF NEW.version <> OLD.version + 1 OR NEW.closed_by IS DISTINCT FROM actor THEN
        RAISE EXCEPTION 'a close advances the version and names who closed' USING ERRCODE = 'TD006';
    END IF;
    -- Wait for every vote in flight; votes that come later find the session closed.
    PERFORM pg_advisory_xact_lock(hashtext('thidua.council_session'), thidua.council_session_lock_key(NEW.id));
    NEW.closed_at := now();
    NEW.closed_xact := pg_current_xact_id();
    RETURN NEW;
END
$$;
CREATE TRIGGER council_sessions_guard BEFORE INSERT OR UPDATE ON council_sessions
    FOR EACH ROW EXECUTE FUNCTION guard_council_session();

-- Items are set in the opening transaction; each is tallied once, in the closing one, by the session's rule.
CREATE FUNCTION guard_council_item() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    session_row thidua.council_sessions;
    nomination thidua.nominations;
    participants integer;
BEGIN
    IF thidua.actor_id() IS NULL THEN
        RAISE EXCEPTION 'no acting user' USING ERRCODE = 'TD001';
    END IF;
    IF NOT 'secretariat' = ANY (thidua.actor_roles()) THEN
        RAISE EXCEPTION 'only the secretariat sets and tallies a session''s items' USING ERRCODE = 'TD008';
    END IF;
    SELECT * INTO session_row FROM thidua.council_sessions s WHERE s.id = NEW.session_id;

    IF TG_OP = 'INSERT' THEN
        IF session_row.state IS DISTINCT FROM 'open' OR session_row.opened_xact <> pg_current_xact_id() THEN
            RAISE EXCEPTION 'a session''s items are set when it opens' USING ERRCODE = 'TD002';
        END IF;
        SELECT * INTO nomination FROM thidua.nominations n WHERE n.id = NEW.nomination_id;
        IF nomination.state IS DISTINCT FROM 'verified' THEN
            RAISE EXCEPTION 'only a verified nomination goes before the council (it is %)', nomination.state USING ERRCODE = 'TD002';
        END IF;
        IF nomination.round_id <> session_row.round_id THEN
            RAISE EXCEPTION 'the nomination belongs to another round' USING ERRCODE = 'TD002';
        END IF;
        NEW.area_id := nomination.area_id;
        NEW.unit_id := nomination.unit_id;
        NEW.tallied_at := NULL;
        NEW.eligible := NULL;
        NEW.approve := NULL;
        NEW.reject := NULL;
        NEW.abstain := NULL;
        NEW.chairman_vote := NULL;
        NEW.outcome := NULL;
        RETURN NEW;
    END IF;

    IF (NEW.session_id, NEW.nomination_id, NEW.area_id, NEW.unit_id) IS DISTINCT FROM
       (OLD.session_id, OLD.nomination_id, OLD.area_id, OLD.unit_id) OR OLD.tallied_at IS NOT NULL THEN
        RAISE EXCEPTION 'an item is tallied once and then kept as counted' USING ERRCODE = 'TD006';
    END IF;
    IF session_row.state <> 'closed' OR session_row.closed_xact <> pg_current_xact_id() THEN
        RAISE EXCEPTION 'an item is tallied when its session closes' USING ERRCODE = 'TD002';
    END IF;
    NEW.tallied_at := now();
    NEW.eligible := (
        SELECT count(*) FROM thidua.council_roster r
        WHERE r.session_id = NEW.session_id AND r.counts_for_quorum
          AND NOT EXISTS (SELECT FROM thidua.council_recusals c
                          WHERE c.session_id = NEW.session_id AND c.nomination_id = NEW.nomination_id AND c.member_id = r.user_id));
    participants := (SELECT count(*) FROM thidua.council_votes v
                     WHERE v.session_id = NEW.session_id AND v.nomination_id = NEW.nomination_id);
    IF session_row.ballot = 'secret' THEN
        -- Counted by tally_secret_ballots() from ballots no one else can read; they must match participation.
        IF current_user <> 'thidua_definer' THEN
            RAISE EXCEPTION 'a secret ballot is counted only by thidua.tally_secret_ballots()' USING ERRCODE = 'TD023';
        END IF;
        IF NEW.approve + NEW.reject + NEW.abstain IS DISTINCT FROM participants THEN
            RAISE EXCEPTION 'secret ballots (%) do not match the members who voted (%)',
                NEW.approve + NEW.reject + NEW.abstain, participants USING ERRCODE = 'TD023';
        END IF;
        NEW.chairman_vote := NULL;
    ELSE
        SELECT count(*) FILTER (WHERE v.choice = 'approve'), count(*) FILTER (WHERE v.choice = 'reject'),
               count(*) FILTER (WHERE v.choice = 'abstain')
        INTO NEW.approve, NEW.reject, NEW.abstain
        FROM thidua.council_votes v WHERE v.session_id = NEW.session_id AND v.nomination_id = NEW.nomination_id;
        NEW.chairman_vote := (
            SELECT v.choice FROM thidua.council_votes v
            JOIN thidua.council_roster r ON r.session_id = v.session_id AND r.user_id = v.member_id AND r.is_chairman
            WHERE v.session_id = NEW.session_id AND v.nomination_id = NEW.nomination_id
            ORDER BY v.member_id LIMIT 1);
    END IF;
    NEW.outcome := thidua.council_outcome(
        session_row.quorum_numerator, session_row.quorum_denominator, session_row.threshold_numerator, session_row.threshold_denominator,
        session_row.strictly_more, session_row.base, session_row.tie_break,
        NEW.eligible, NEW.approve, NEW.reject, NEW.abstain, NEW.chairman_vote);
    RETURN NEW;
END
$$;
CREATE TRIGGER council_session_items_guard BEFORE INSERT OR UPDATE ON council_session_items
    FOR EACH ROW EXECUTE FUNCTION guard_council_item();

-- A member's seat for a vote or a recusal, checked under the locks (see "Races" above).
CREATE FUNCTION council_seat_check(target_session uuid, member uuid) RETURNS thidua.council_sessions
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    session_row thidua.council_sessions;
    counts boolean;
BEGIN
    PERFORM pg_advisory_xact_lock_shared(hashtext('thidua.council_session'), thidua.council_session_lock_key(target_session));
    PERFORM pg_advisory_xact_lock(hashtext('thidua.council_member'), thidua.council_member_lock_key(target_session, member));
    SELECT * INTO session_row FROM thidua.council_sessions s WHERE s.id = target_session;
    IF session_row.state IS DISTINCT FROM 'open' THEN
        RAISE EXCEPTION 'the council session is not open' USING ERRCODE = 'TD022';
    END IF;
    SELECT r.counts_for_quorum INTO counts FROM thidua.council_roster r WHERE r.session_id = target_session AND r.user_id = member;
    IF counts IS NOT TRUE THEN
        RAISE EXCEPTION 'not on the session''s roster as a voting member' USING ERRCODE = 'TD020';
    END IF;
    RETURN session_row;
END
$$;

CREATE FUNCTION guard_council_vote() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    actor uuid := thidua.actor_id();
    session_row thidua.council_sessions;
BEGIN
    IF actor IS NULL THEN
        RAISE EXCEPTION 'no acting user' USING ERRCODE = 'TD001';
    END IF;
    IF NEW.member_id IS DISTINCT FROM actor THEN
        RAISE EXCEPTION 'a member casts only their own vote' USING ERRCODE = 'TD002';
    END IF;
    IF TG_OP = 'UPDATE' AND (NEW.session_id, NEW.nomination_id, NEW.member_id, NEW.cast_at)
                             IS DISTINCT FROM (OLD.session_id, OLD.nomination_id, OLD.member_id, OLD.cast_at) THEN
        RAISE EXCEPTION 'a vote changes its choice and comment only' USING ERRCODE = 'TD006';
    END IF;
    session_row := thidua.council_seat_check(NEW.session_id, actor);
    IF EXISTS (SELECT FROM thidua.council_recusals c
               WHERE c.session_id = NEW.session_id AND c.nomination_id = NEW.nomination_id AND c.member_id = actor) THEN
        RAISE EXCEPTION 'the member is recused from this nomination' USING ERRCODE = 'TD021';
    END IF;
    IF session_row.ballot = 'secret' THEN
        IF NEW.choice IS NOT NULL OR NEW.comment IS NOT NULL OR current_user <> 'thidua_definer' THEN
            RAISE EXCEPTION 'a secret ballot is cast through thidua.cast_secret_vote(), with no choice or comment here'
                USING ERRCODE = 'TD023';
        END IF;
    ELSIF NEW.choice IS NULL THEN
        RAISE EXCEPTION 'an open vote names its choice' USING ERRCODE = 'TD023';
    END IF;
    IF TG_OP = 'INSERT' THEN
        NEW.version := 1;
        NEW.cast_at := now();
    ELSIF NEW.version <> OLD.version + 1 THEN
        RAISE EXCEPTION 'version must advance by one' USING ERRCODE = 'TD006';
    END IF;
    NEW.changed_at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER council_votes_guard BEFORE INSERT OR UPDATE ON council_votes
    FOR EACH ROW EXECUTE FUNCTION guard_council_vote();

CREATE FUNCTION guard_council_recusal() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    actor uuid := thidua.actor_id();
BEGIN
    IF actor IS NULL THEN
        RAISE EXCEPTION 'no acting user' USING ERRCODE = 'TD001';
    END IF;
    IF NEW.by_default THEN
        IF current_user <> 'thidua_definer' THEN
            RAISE EXCEPTION 'default recusals are made when the session opens' USING ERRCODE = 'TD006';
        END IF;
    ELSIF NEW.member_id IS DISTINCT FROM actor THEN
        RAISE EXCEPTION 'a member recuses only themselves' USING ERRCODE = 'TD002';
    END IF;
    PERFORM thidua.council_seat_check(NEW.session_id, NEW.member_id);
    IF EXISTS (SELECT FROM thidua.council_votes v
               WHERE v.session_id = NEW.session_id AND v.nomination_id = NEW.nomination_id AND v.member_id = NEW.member_id) THEN
        RAISE EXCEPTION 'the member has voted on this nomination; a recusal comes before the vote' USING ERRCODE = 'TD024';
    END IF;
    NEW.recorded_at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER council_recusals_guard BEFORE INSERT ON council_recusals
    FOR EACH ROW EXECUTE FUNCTION guard_council_recusal();

-- Row-level security, mirroring Policy's council actions: the secretariat opens, tallies and closes; members
-- and the chairman vote and recuse themselves; auditors read; everyone reads the law's rules.
ALTER TABLE council_rules ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE council_sessions ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE council_roster ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE council_session_items ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE council_recusals ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE council_votes ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE council_ballot_secrets ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE council_secret_ballots ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

CREATE POLICY the_law_and_the_area ON council_rules FOR SELECT
    USING ((SELECT actor_id()) IS NOT NULL AND (area_id IS NULL OR area_id = (SELECT actor_area_id())));
CREATE POLICY secretariat_adds ON council_rules FOR INSERT
    WITH CHECK (area_id = (SELECT actor_area_id()) AND (SELECT actor_roles()) @> ARRAY['secretariat']);
CREATE POLICY secretariat_edits ON council_rules FOR UPDATE
    USING (area_id = (SELECT actor_area_id()) AND (SELECT actor_roles()) @> ARRAY['secretariat'])
    WITH CHECK (area_id = (SELECT actor_area_id()) AND (SELECT actor_roles()) @> ARRAY['secretariat']);

CREATE POLICY council_and_overseers ON council_sessions FOR SELECT USING (
    area_id = (SELECT actor_area_id())
    AND (SELECT actor_roles()) && ARRAY['secretariat', 'auditor', 'council_member', 'chairman']);
CREATE POLICY secretariat_opens ON council_sessions FOR INSERT WITH CHECK (
    area_id = (SELECT actor_area_id()) AND (SELECT actor_roles()) @> ARRAY['secretariat'] AND opened_by = (SELECT actor_id()));
CREATE POLICY secretariat_closes ON council_sessions FOR UPDATE
    USING (area_id = (SELECT actor_area_id()) AND (SELECT actor_roles()) @> ARRAY['secretariat'])
    WITH CHECK (area_id = (SELECT actor_area_id()) AND (SELECT actor_roles()) @> ARRAY['secretariat']);

-- Written by freeze_council_roster() alone (no INSERT grant or policy for the application).
CREATE POLICY with_a_visible_session ON council_roster FOR SELECT
    USING (EXISTS (SELECT FROM council_sessions s WHERE s.id = session_id));

-- The tally and outcome belong with the nomination: whoever may read it reads them.
CREATE POLICY with_a_visible_nomination ON council_session_items FOR SELECT
    USING (EXISTS (SELECT FROM nominations n WHERE n.id = nomination_id));
CREATE POLICY secretariat_sets ON council_session_items FOR INSERT WITH CHECK (
    (SELECT actor_roles()) @> ARRAY['secretariat'] AND EXISTS (SELECT FROM council_sessions s WHERE s.id = session_id));
CREATE POLICY secretariat_tallies ON council_session_items FOR UPDATE
    USING ((SELECT actor_roles()) @> ARRAY['secretariat'] AND EXISTS (SELECT FROM council_sessions s WHERE s.id = session_id))
    WITH CHECK ((SELECT actor_roles()) @> ARRAY['secretariat'] AND EXISTS (SELECT FROM council_sessions s WHERE s.id = session_id));

CREATE POLICY with_a_visible_session ON council_recusals FOR SELECT
    USING (EXISTS (SELECT FROM council_sessions s WHERE s.id = session_id));
CREATE POLICY member_recuses ON council_recusals FOR INSERT WITH CHECK (
    member_id = (SELECT actor_id()) AND NOT by_default
    AND (SELECT actor_roles()) && ARRAY['council_member', 'chairman']);

-- Overseers read every vote; a member their own, and others' (choices and comments) on an item they are not
-- recused from, or once the session is closed.
CREATE POLICY council_and_overseers ON council_votes FOR SELECT USING (
    EXISTS (SELECT FROM council_sessions s WHERE s.id = session_id AND (
        (SELECT actor_roles()) && ARRAY['secretariat', 'auditor']
        OR member_id = (SELECT actor_id())
        OR s.state = 'closed'
        OR NOT EXISTS (SELECT FROM council_recusals c
                       WHERE c.session_id = council_votes.session_id AND c.nomination_id = council_votes.nomination_id
                         AND c.member_id = (SELECT actor_id())))));
CREATE POLICY member_votes ON council_votes FOR INSERT WITH CHECK (
    member_id = (SELECT actor_id()) AND (SELECT actor_roles()) && ARRAY['council_member', 'chairman']);
CREATE POLICY member_changes_own_vote ON council_votes FOR UPDATE
    USING (member_id = (SELECT actor_id()) AND (SELECT actor_roles()) && ARRAY['council_member', 'chairman'])
    WITH CHECK (member_id = (SELECT actor_id()) AND (SELECT actor_roles()) && ARRAY['council_member', 'chairman']);

-- Nobody reads these through a policy: only thidua_definer, which bypasses row-level security, and which
-- alone holds privileges on them.
CREATE POLICY nobody ON council_ballot_secrets FOR SELECT USING (false);
CREATE POLICY nobody ON council_secret_ballots FOR SELECT USING (false);

-- Every audited table names its key; the two secret-ballot tables are left out on purpose (see the head).
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON council_rules FOR EACH ROW EXECUTE FUNCTION write_audit_event('id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON council_sessions FOR EACH ROW EXECUTE FUNCTION write_audit_event('id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON council_roster FOR EACH ROW EXECUTE FUNCTION write_audit_event('session_id', 'user_id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON council_session_items FOR EACH ROW EXECUTE FUNCTION write_audit_event('session_id', 'nomination_id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON council_recusals FOR EACH ROW EXECUTE FUNCTION write_audit_event('session_id', 'nomination_id', 'member_id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON council_votes FOR EACH ROW EXECUTE FUNCTION write_audit_event('session_id', 'nomination_id', 'member_id');

RESET ROLE;

-- The functions that need every member's grants, or the secret ballots, run as thidua_definer.
GRANT SELECT ON thidua.council_sessions, thidua.council_session_items, thidua.council_roster, thidua.council_recusals,
    thidua.council_votes TO thidua_definer;
GRANT INSERT ON thidua.council_roster, thidua.council_recusals TO thidua_definer;
GRANT INSERT, UPDATE ON thidua.council_votes TO thidua_definer;
GRANT UPDATE ON thidua.council_session_items TO thidua_definer;
GRANT SELECT, INSERT, UPDATE ON thidua.council_ballot_secrets, thidua.council_secret_ballots TO thidua_definer;

-- Freezes the council's membership for a session the acting secretariat opened in this very transaction: every
-- active user of the area holding council_member or chairman in person (a delegate under ký thay is not a
-- member), `excused` among them kept for the minutes but neither voting nor counting; recuses each member from
-- the items of their own unit; and, under a secret ballot, draws the session's secret. Returns the roster's size.
CREATE FUNCTION thidua.freeze_council_roster(target_session uuid, excused uuid[]) RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    session_row thidua.council_sessions;
    seats integer;
BEGIN
    IF thidua.actor_id() IS NULL THEN
        RAISE EXCEPTION 'no acting user' USING ERRCODE = 'TD001';
    END IF;
    IF thidua.setting('actor_role') IS DISTINCT FROM 'secretariat' OR NOT 'secretariat' = ANY (thidua.actor_roles()) THEN
        RAISE EXCEPTION 'only the secretariat opens council sessions' USING ERRCODE = 'TD008';
    END IF;
    SELECT * INTO session_row FROM thidua.council_sessions s WHERE s.id = target_session;
    IF session_row.area_id IS DISTINCT FROM thidua.actor_area_id() OR session_row.state <> 'open'
       OR session_row.opened_xact <> pg_current_xact_id()
       OR EXISTS (SELECT FROM thidua.council_roster r WHERE r.session_id = session_row.id) THEN
        RAISE EXCEPTION 'the roster is frozen once, in the transaction that opens the session' USING ERRCODE = 'TD002';
    END IF;
    INSERT INTO thidua.council_roster (session_id, user_id, member_unit_id, is_chairman, counts_for_quorum)
    SELECT session_row.id, u.id, u.unit_id, bool_or(g.role = 'chairman'), NOT (u.id = ANY (coalesce(excused, '{}')))
    FROM thidua.users u
    JOIN thidua.units n ON n.id = u.unit_id
    JOIN thidua.role_grants g ON g.user_id = u.id AND g.revoked_at IS NULL AND g.role IN ('council_member', 'chairman')
    WHERE u.active AND n.area_id = session_row.area_id
    GROUP BY u.id, u.unit_id;
    GET DIAGNOSTICS seats = ROW_COUNT;
    IF EXISTS (SELECT FROM unnest(coalesce(excused, '{}')) e(id)
               WHERE NOT EXISTS (SELECT FROM thidua.council_roster r WHERE r.session_id = session_row.id AND r.user_id = e.id)) THEN
        RAISE EXCEPTION 'only a member of the council can be excused' USING ERRCODE = 'TD020';
    END IF;
    INSERT INTO thidua.council_recusals (session_id, nomination_id, member_id, reason, by_default)
    SELECT session_row.id, i.nomination_id, r.user_id,
           'Đơn vị của thành viên là đơn vị đề nghị (tự động khi mở phiên) / The member''s own unit submitted the nomination',
           true
    FROM thidua.council_roster r JOIN thidua.council_session_items i ON i.session_id = r.session_id AND i.unit_id = r.member_unit_id
    WHERE r.session_id = session_row.id AND r.counts_for_quorum;
    IF session_row.ballot = 'secret' THEN
        INSERT INTO thidua.council_ballot_secrets (session_id, secret) VALUES (session_row.id, public.gen_random_bytes(32));
    END IF;
    RETURN seats;
END
$$;

-- Casts or changes the acting member's secret vote on one item. `expected_version` is the version of their
-- participation row they last saw (0: none yet). Returns the new version, or NULL when that version is stale
-- (nothing changed). The participation row is checked by guard_council_vote like any vote.
CREATE FUNCTION thidua.cast_secret_vote(target_session uuid, target_nomination uuid, chosen text, expected_version integer)
    RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    me uuid := thidua.actor_id();
    session_row thidua.council_sessions;
    ballot_key bytea;
    now_version integer;
BEGIN
    IF me IS NULL THEN
        RAISE EXCEPTION 'no acting user' USING ERRCODE = 'TD001';
    END IF;
    IF coalesce(thidua.setting('actor_role'), '') NOT IN ('council_member', 'chairman')
       OR NOT thidua.setting('actor_role') = ANY (thidua.actor_roles()) THEN
        RAISE EXCEPTION 'only council members vote' USING ERRCODE = 'TD008';
    END IF;
    SELECT * INTO session_row FROM thidua.council_sessions s WHERE s.id = target_session;
    IF session_row.area_id IS DISTINCT FROM thidua.actor_area_id() OR session_row.ballot <> 'secret' THEN
        RAISE EXCEPTION 'no secret ballot in this session' USING ERRCODE = 'TD023';
    END IF;
    IF expected_version = 0 THEN
        INSERT INTO thidua.council_votes AS v (session_id, nomination_id, member_id)
        VALUES (session_row.id, target_nomination, me)
        ON CONFLICT ON CONSTRAINT council_votes_pkey DO NOTHING
        RETURNING v.version INTO now_version;
    ELSE
        UPDATE thidua.council_votes v SET version = v.version + 1
        WHERE v.session_id = session_row.id AND v.nomination_id = target_nomination AND v.member_id = me
          AND v.version = expected_version
        RETURNING v.version INTO now_version;
    END IF;
    IF now_version IS NULL THEN
        RETURN NULL;
    END IF;
    -- Read under the session lock the guard took: a close cannot wipe it before this commits.
    SELECT b.secret INTO ballot_key FROM thidua.council_ballot_secrets b WHERE b.session_id = session_row.id;
    IF ballot_key IS NULL THEN
        RAISE EXCEPTION 'the council session is not open' USING ERRCODE = 'TD022';
    END IF;
    INSERT INTO thidua.council_secret_ballots AS b (session_id, nomination_id, token, choice)
    VALUES (session_row.id, target_nomination,
            public.hmac(convert_to(target_nomination::text || '/' || me::text, 'UTF8'), ballot_key, 'sha256'),
            chosen)
    ON CONFLICT ON CONSTRAINT council_secret_ballots_pkey DO UPDATE SET choice = EXCLUDED.choice;
    RETURN now_version;
END
$$;

-- Counts a secret-ballot session's ballots into its items, in the transaction that closes it, and wipes the
-- secret. Returns the number of items tallied.
CREATE FUNCTION thidua.tally_secret_ballots(target_session uuid) RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    session_row thidua.council_sessions;
    items integer;
BEGIN
    IF thidua.actor_id() IS NULL THEN
        RAISE EXCEPTION 'no acting user' USING ERRCODE = 'TD001';
    END IF;
    IF thidua.setting('actor_role') IS DISTINCT FROM 'secretariat' OR NOT 'secretariat' = ANY (thidua.actor_roles()) THEN
        RAISE EXCEPTION 'only the secretariat closes council sessions' USING ERRCODE = 'TD008';
    END IF;
    SELECT * INTO session_row FROM thidua.council_sessions s WHERE s.id = target_session;
    IF session_row.area_id IS DISTINCT FROM thidua.actor_area_id() OR session_row.ballot <> 'secret'
       OR session_row.state <> 'closed' OR session_row.closed_xact <> pg_current_xact_id() THEN
        RAISE EXCEPTION 'secret ballots are counted in the transaction that closes their session' USING ERRCODE = 'TD002';
    END IF;
    UPDATE thidua.council_session_items i
    SET tallied_at = now(), approve = c.approve, reject = c.reject, abstain = c.abstain
    FROM (SELECT i2.nomination_id,
                 count(b.choice) FILTER (WHERE b.choice = 'approve')::integer AS approve,
                 count(b.choice) FILTER (WHERE b.choice = 'reject')::integer AS reject,
                 count(b.choice) FILTER (WHERE b.choice = 'abstain')::integer AS abstain
          FROM thidua.council_session_items i2
          LEFT JOIN thidua.council_secret_ballots b ON b.session_id = i2.session_id AND b.nomination_id = i2.nomination_id
          WHERE i2.session_id = session_row.id
          GROUP BY i2.nomination_id) c
    WHERE i.session_id = session_row.id AND i.nomination_id = c.nomination_id;
    GET DIAGNOSTICS items = ROW_COUNT;
    UPDATE thidua.council_ballot_secrets b SET secret = NULL WHERE b.session_id = session_row.id;
    RETURN items;
END
$$;

ALTER FUNCTION thidua.freeze_council_roster(uuid, uuid[]) OWNER TO thidua_definer;
ALTER FUNCTION thidua.cast_secret_vote(uuid, uuid, text, integer) OWNER TO thidua_definer;
ALTER FUNCTION thidua.tally_secret_ballots(uuid) OWNER TO thidua_definer;
REVOKE ALL ON FUNCTION thidua.freeze_council_roster(uuid, uuid[]), thidua.cast_secret_vote(uuid, uuid, text, integer),
    thidua.tally_secret_ballots(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION thidua.freeze_council_roster(uuid, uuid[]), thidua.cast_secret_vote(uuid, uuid, text, integer),
    thidua.tally_secret_ballots(uuid) TO thidua_app;

-- Privileges: reads where row-level security decides; writes only where a policy exists; no DELETE anywhere;
-- the secret-ballot tables to no one but thidua_definer (the owner's default grant to readers is taken back).
GRANT SELECT ON thidua.council_rules, thidua.council_sessions, thidua.council_roster, thidua.council_session_items,
    thidua.council_recusals, thidua.council_votes TO thidua_app, thidua_reader;
REVOKE ALL ON thidua.council_ballot_secrets, thidua.council_secret_ballots FROM thidua_app, thidua_reader;
GRANT INSERT, UPDATE ON thidua.council_rules, thidua.council_sessions, thidua.council_session_items, thidua.council_votes
    TO thidua_app;
GRANT INSERT ON thidua.council_recusals TO thidua_app;
