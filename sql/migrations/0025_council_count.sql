-- The council's count (issue 14, item 4). Until now a member excused at opening was dropped from every base:
-- from the quorum's and from a rule counted on members. That broke the two rules counted on *all* members: the
-- quorum of 2/3 of members, and the old "≥ 90% of all members, absent members voting in writing". Now:
--   * the base of a rule counted on members, and of the quorum, is every member of the roster frozen at opening,
--     excused ones included;
--   * members recused from a nomination leave that nomination's base only where the rule says so
--     (council_rules.recused_excluded);
--   * an excused (absent) member may vote in writing, and that vote counts, only where the rule allows it
--     (council_rules.written_votes_allowed); a written vote counts as taking part, toward the quorum too.
-- The arithmetic lives once in Swift (CouncilRule.outcome(of:)) and once here (council_outcome below, which
-- replaces 0009's); CouncilReviewTests runs every case of CouncilRuleTests through the database's close.
--
-- Legal basis, checked with the search tool ([V] verified: the text of the clause read, quoted by the body that
-- administers the law; [U] unverified: not found, this system's assumption):
--   · The 90% rule is Nghị định 91/2017/NĐ-CP, điều 45 khoản 8, not điều 54 as 0009 cited it [V]: "Khi xét danh
--     hiệu Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh, đoàn thể trung ương, Chiến sĩ thi đua toàn quốc, … Hội đồng
--     … phải họp và bỏ phiếu kín; tập thể, cá nhân được đề nghị khen thưởng phải có tỷ lệ phiếu đồng ý từ 90% trở
--     lên tính trên tổng số thành viên của Hội đồng (nếu thành viên Hội đồng vắng mặt thì lấy ý kiến bằng văn
--     bản)" — quoted with its clause number in two answers of Ban Thi đua - Khen thưởng Trung ương
--     (banthiduakhenthuongtw.gov.vn, 18/06/2017 and 12/10/2018). Hence base = all members, recused members stay in
--     it (the clause counts the council's whole membership), written votes of absent members count. The decree
--     ended on 01/01/2024 (Luật 2022, Nghị định 98/2023); a like rule in the current texts was not found [U].
--   · The standard rule: "tập trung, dân chủ, biểu quyết theo đa số" is the central council's working rule
--     (Quyết định 500/QĐ-TTg ngày 12/6/2024, as reported with its words by the press) [V]; the quorum of 2/3 of
--     members is not in what was found [U] (some ministries' councils have it in their own rules, e.g. Quyết định
--     2218/QĐ-BTNMT 2019 điều 8); the majority of those taking part, recused members out of the nomination's
--     base and no written votes are this system's choices [U].
-- Both rows are law, part of the schema as 0009 made them: changed with the audit trigger and the forcing of
-- row-level security lifted for the statement (as 0011 and 0022 do), so no event is written for them.
--
-- A session snapshots the two new columns with the rest of its rule. An item's tally now keeps the whole roster
-- (members), the recused, and the written votes apart (written_*); eligible stays, as members − recused. Under a
-- secret ballot written ballots are counted among the others and written_* is 0: a count apart would reveal a
-- lone written ballot, and the vote guard admits written votes only where the rule counts them. Items tallied
-- before 0025 keep their counts with members NULL (eligible was then the roster less the excused and recused).
--
-- Default recusals now cover excused members too, who may vote in writing; the seat check lets an excused member
-- vote or recuse only where the rule allows written votes (TD020 otherwise, as before).
SET LOCAL ROLE thidua_owner;
SET LOCAL search_path = thidua, public;

-- recused_excluded: a member recused from a nomination leaves its base (quorum's and members'); false: they stay
-- in it and count as not approving. written_votes_allowed: excused members vote in writing and those votes count.
ALTER TABLE council_rules
    ADD COLUMN recused_excluded boolean NOT NULL DEFAULT true,
    ADD COLUMN written_votes_allowed boolean NOT NULL DEFAULT false;
ALTER TABLE council_rules ALTER COLUMN recused_excluded DROP DEFAULT, ALTER COLUMN written_votes_allowed DROP DEFAULT;

ALTER TABLE council_rules DISABLE TRIGGER audit, NO FORCE ROW LEVEL SECURITY;
UPDATE council_rules SET
    recused_excluded = true, written_votes_allowed = false,
    legal_basis = 'Hội đồng hoạt động theo nguyên tắc tập trung, dân chủ, biểu quyết theo đa số (Quy chế làm việc của '
        || 'Hội đồng Thi đua - Khen thưởng Trung ương, Quyết định 500/QĐ-TTg ngày 12/6/2024) [V]; phiên họp có ít nhất '
        || '2/3 tổng số thành viên [U]; đa số tính trên số thành viên tham gia biểu quyết, thành viên rút khỏi xét không '
        || 'tính vào số thành viên của hồ sơ đó, không lấy ý kiến bằng văn bản thành viên vắng mặt [U]'
WHERE area_id IS NULL AND code = 'standard';
UPDATE council_rules SET
    recused_excluded = false, written_votes_allowed = true,
    legal_basis = 'Họp và bỏ phiếu kín; tỷ lệ phiếu đồng ý từ 90% trở lên tính trên tổng số thành viên của Hội đồng, '
        || 'kể cả thành viên rút khỏi xét; thành viên vắng mặt thì lấy ý kiến bằng văn bản (Nghị định 91/2017/NĐ-CP, '
        || 'điều 45 khoản 8 [V]; hết hiệu lực từ 01/01/2024, quy định tương ứng hiện hành chưa tìm thấy [U]); phiên họp '
        || 'có ít nhất 2/3 tổng số thành viên [U]'
WHERE area_id IS NULL AND code = 'ninety-percent-secret';
ALTER TABLE council_rules ENABLE TRIGGER audit, FORCE ROW LEVEL SECURITY;

-- The snapshot. Sessions opened before 0025 keep what their rule did then (recused out, no written votes).
ALTER TABLE council_sessions
    ADD COLUMN recused_excluded boolean NOT NULL DEFAULT true,
    ADD COLUMN written_votes_allowed boolean NOT NULL DEFAULT false;
ALTER TABLE council_sessions ALTER COLUMN recused_excluded DROP DEFAULT, ALTER COLUMN written_votes_allowed DROP DEFAULT;

ALTER TABLE council_session_items
    ADD COLUMN members integer CHECK (members >= 0),
    ADD COLUMN recused integer CHECK (recused >= 0),
    ADD COLUMN written_approve integer CHECK (written_approve >= 0),
    ADD COLUMN written_reject integer CHECK (written_reject >= 0),
    ADD COLUMN written_abstain integer CHECK (written_abstain >= 0),
    ADD CONSTRAINT council_session_items_count CHECK (
        (members IS NULL) = (recused IS NULL) AND (members IS NULL) = (written_approve IS NULL)
        AND (members IS NULL) = (written_reject IS NULL) AND (members IS NULL) = (written_abstain IS NULL)
        AND (members IS NULL OR (outcome IS NOT NULL AND eligible = members - recused)));
COMMENT ON COLUMN council_session_items.members IS 'The whole roster frozen at opening, excused members included; NULL: tallied before 0025.';

DROP FUNCTION council_outcome(integer, integer, integer, integer, boolean, text, text, integer, integer, integer, integer, text);

-- The outcome of one item under a rule: the same arithmetic as CouncilRule.outcome(of:) in Swift, in integers.
CREATE FUNCTION council_outcome(
    quorum_numerator integer, quorum_denominator integer, threshold_numerator integer, threshold_denominator integer,
    strictly_more boolean, base text, tie_break text, recused_excluded boolean, written_votes_allowed boolean,
    members integer, recused integer, approve integer, reject integer, abstain integer,
    written_approve integer, written_reject integer, written_abstain integer, chairman_vote text
) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE
        WHEN t.pool <= 0 OR t.taking_part * quorum_denominator < t.pool * quorum_numerator THEN 'no_quorum'
        WHEN t.counted <= 0 THEN 'rejected'
        WHEN t.ayes * threshold_denominator > t.counted * threshold_numerator THEN 'approved'
        WHEN t.ayes * threshold_denominator = t.counted * threshold_numerator THEN CASE
            WHEN NOT strictly_more THEN 'approved'
            WHEN tie_break = 'chairman_side' AND chairman_vote IS NOT NULL
                THEN CASE chairman_vote WHEN 'approve' THEN 'approved' ELSE 'rejected' END
            ELSE 'rejected' END
        ELSE 'rejected'
    END
    FROM (SELECT v.pool, v.ayes, v.taking_part,
                 CASE base WHEN 'members' THEN v.pool WHEN 'present' THEN v.taking_part ELSE v.ayes + v.nays END AS counted
          FROM (SELECT members - CASE WHEN recused_excluded THEN recused ELSE 0 END AS pool,
                       approve + CASE WHEN written_votes_allowed THEN written_approve ELSE 0 END AS ayes,
                       reject + CASE WHEN written_votes_allowed THEN written_reject ELSE 0 END AS nays,
                       approve + reject + abstain
                           + CASE WHEN written_votes_allowed THEN written_approve + written_reject + written_abstain ELSE 0 END
                           AS taking_part) v) t
$$;

-- 0009's guard, snapshotting the two new columns and keeping them unchanged after.
CREATE OR REPLACE FUNCTION guard_council_session() RETURNS trigger
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
        NEW.recused_excluded := chosen_rule.recused_excluded;
        NEW.written_votes_allowed := chosen_rule.written_votes_allowed;
        NEW.legal_basis := chosen_rule.legal_basis;
        NEW.opened_at := now();
        NEW.opened_xact := pg_current_xact_id();
        RETURN NEW;
    END IF;

    IF (NEW.id, NEW.area_id, NEW.round_id, NEW.title, NEW.rule_id, NEW.quorum_numerator, NEW.quorum_denominator,
        NEW.threshold_numerator, NEW.threshold_denominator, NEW.strictly_more, NEW.base, NEW.ballot, NEW.tie_break,
        NEW.recused_excluded, NEW.written_votes_allowed, NEW.legal_basis, NEW.opened_by, NEW.opened_at, NEW.opened_xact)
       IS DISTINCT FROM
       (OLD.id, OLD.area_id, OLD.round_id, OLD.title, OLD.rule_id, OLD.quorum_numerator, OLD.quorum_denominator,
        OLD.threshold_numerator, OLD.threshold_denominator, OLD.strictly_more, OLD.base, OLD.ballot, OLD.tie_break,
        OLD.recused_excluded, OLD.written_votes_allowed, OLD.legal_basis, OLD.opened_by, OLD.opened_at, OLD.opened_xact) THEN
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

-- 0009's item guard, counting the whole roster, the recused and the written votes apart.
CREATE OR REPLACE FUNCTION guard_council_item() RETURNS trigger
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
        NEW.members := NULL;
        NEW.recused := NULL;
        NEW.approve := NULL;
        NEW.reject := NULL;
        NEW.abstain := NULL;
        NEW.written_approve := NULL;
        NEW.written_reject := NULL;
        NEW.written_abstain := NULL;
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
    NEW.members := (SELECT count(*) FROM thidua.council_roster r WHERE r.session_id = NEW.session_id);
    NEW.recused := (SELECT count(*) FROM thidua.council_recusals c
                    WHERE c.session_id = NEW.session_id AND c.nomination_id = NEW.nomination_id);
    NEW.eligible := NEW.members - NEW.recused;
    participants := (SELECT count(*) FROM thidua.council_votes v
                     WHERE v.session_id = NEW.session_id AND v.nomination_id = NEW.nomination_id);
    IF session_row.ballot = 'secret' THEN
        -- Counted by tally_secret_ballots() from ballots no one else can read; they must match participation.
        -- Written ballots are among them, never apart (see the head of this file).
        IF current_user <> 'thidua_definer' THEN
            RAISE EXCEPTION 'a secret ballot is counted only by thidua.tally_secret_ballots()' USING ERRCODE = 'TD023';
        END IF;
        IF NEW.approve + NEW.reject + NEW.abstain IS DISTINCT FROM participants THEN
            RAISE EXCEPTION 'secret ballots (%) do not match the members who voted (%)',
                NEW.approve + NEW.reject + NEW.abstain, participants USING ERRCODE = 'TD023';
        END IF;
        NEW.written_approve := 0;
        NEW.written_reject := 0;
        NEW.written_abstain := 0;
        NEW.chairman_vote := NULL;
    ELSE
        -- A vote of a member excused at opening is a written one.
        SELECT count(*) FILTER (WHERE v.choice = 'approve' AND r.counts_for_quorum),
               count(*) FILTER (WHERE v.choice = 'reject' AND r.counts_for_quorum),
               count(*) FILTER (WHERE v.choice = 'abstain' AND r.counts_for_quorum),
               count(*) FILTER (WHERE v.choice = 'approve' AND NOT r.counts_for_quorum),
               count(*) FILTER (WHERE v.choice = 'reject' AND NOT r.counts_for_quorum),
               count(*) FILTER (WHERE v.choice = 'abstain' AND NOT r.counts_for_quorum)
        INTO NEW.approve, NEW.reject, NEW.abstain, NEW.written_approve, NEW.written_reject, NEW.written_abstain
        FROM thidua.council_votes v
        JOIN thidua.council_roster r ON r.session_id = v.session_id AND r.user_id = v.member_id
        WHERE v.session_id = NEW.session_id AND v.nomination_id = NEW.nomination_id;
        NEW.chairman_vote := (
            SELECT v.choice FROM thidua.council_votes v
            JOIN thidua.council_roster r ON r.session_id = v.session_id AND r.user_id = v.member_id AND r.is_chairman
            WHERE v.session_id = NEW.session_id AND v.nomination_id = NEW.nomination_id
            ORDER BY v.member_id LIMIT 1);
    END IF;
    NEW.outcome := thidua.council_outcome(
        session_row.quorum_numerator, session_row.quorum_denominator, session_row.threshold_numerator,
        session_row.threshold_denominator, session_row.strictly_more, session_row.base, session_row.tie_break,
        session_row.recused_excluded, session_row.written_votes_allowed,
        NEW.members, NEW.recused, NEW.approve, NEW.reject, NEW.abstain,
        NEW.written_approve, NEW.written_reject, NEW.written_abstain, NEW.chairman_vote);
    RETURN NEW;
END
$$;

-- 0009's seat check: an excused member takes part (in writing) only where the session's rule allows it.
CREATE OR REPLACE FUNCTION council_seat_check(target_session uuid, member uuid) RETURNS thidua.council_sessions
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
    IF counts IS NULL THEN
        RAISE EXCEPTION 'not on the session''s roster' USING ERRCODE = 'TD020';
    END IF;
    IF NOT counts AND NOT session_row.written_votes_allowed THEN
        RAISE EXCEPTION 'excused from the session, whose rule takes no written votes' USING ERRCODE = 'TD020';
    END IF;
    RETURN session_row;
END
$$;

-- 0009's recusal guard: a default recusal is made by freeze_council_roster() in the opening transaction, for
-- excused members too, so it needs no seat (an excused member under a rule without written votes has none).
CREATE OR REPLACE FUNCTION guard_council_recusal() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    actor uuid := thidua.actor_id();
BEGIN
    IF actor IS NULL THEN
        RAISE EXCEPTION 'no acting user' USING ERRCODE = 'TD001';
    END IF;
    IF NEW.by_default THEN
        IF current_user <> 'thidua_definer' OR NOT EXISTS (
            SELECT FROM thidua.council_sessions s
            WHERE s.id = NEW.session_id AND s.state = 'open' AND s.opened_xact = pg_current_xact_id()) THEN
            RAISE EXCEPTION 'default recusals are made when the session opens' USING ERRCODE = 'TD006';
        END IF;
    ELSE
        IF NEW.member_id IS DISTINCT FROM actor THEN
            RAISE EXCEPTION 'a member recuses only themselves' USING ERRCODE = 'TD002';
        END IF;
        PERFORM thidua.council_seat_check(NEW.session_id, NEW.member_id);
        IF EXISTS (SELECT FROM thidua.council_votes v
                   WHERE v.session_id = NEW.session_id AND v.nomination_id = NEW.nomination_id AND v.member_id = NEW.member_id) THEN
            RAISE EXCEPTION 'the member has voted on this nomination; a recusal comes before the vote' USING ERRCODE = 'TD024';
        END IF;
    END IF;
    NEW.recorded_at := now();
    RETURN NEW;
END
$$;

RESET ROLE;

-- 0009's definer function, now recusing excused members as well from their own unit's nominations.
CREATE OR REPLACE FUNCTION thidua.freeze_council_roster(target_session uuid, excused uuid[]) RETURNS integer
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
    WHERE r.session_id = session_row.id;
    IF session_row.ballot = 'secret' THEN
        INSERT INTO thidua.council_ballot_secrets (session_id, secret) VALUES (session_row.id, public.gen_random_bytes(32));
    END IF;
    RETURN seats;
END
$$;
