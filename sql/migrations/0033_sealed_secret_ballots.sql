-- Secret means secret (issue 13, item 6): no one with the database, its backups or its WAL links a member to a
-- choice in a secret ballot.
--
-- 0009 kept the choice in council_secret_ballots, written in the voter's own transaction under an HMAC token
-- whose key (council_ballot_secrets) lived in the database until the close. The ballot row shares its xmin, its
-- commit and its place in the WAL with the member's participation row, and a backup or the WAL taken while the
-- session was open holds the key: a superuser could link each choice to its member.
--
-- Now the choice never reaches the database in the clear. The server adds to the choice's one-hot vector
-- (approve, reject, abstain) a mask of three 32-bit words taken from HMAC-SHA-256 under the ballot key — a file
-- of the server's (`--ballot-key-file`, THIDUA_BALLOT_KEY_FILE), never in the database, its backups or its
-- logs — of the session, the item, the member and the vote's version, and sends only the sum (SealedBallot in
-- Swift). Each stored value is uniformly random to whoever lacks the key; a changed vote is sealed under its new
-- version's mask, so the difference of two versions says nothing either. Transaction ids, commit order, row
-- order and timestamps still tie the sealed row to its member, and give away nothing but that the member voted,
-- which participation says anyway. At the close the server opens the sealed ballots of the session with the
-- key, and thidua.tally_secret_ballots() records only the counts, which the item guard (0025) checks against
-- participation. Who holds both the key file and the database can read a ballot: the key belongs with the
-- server's configuration, apart from the database and its backups (deploy/README.md).
SET LOCAL ROLE thidua_owner;
SET LOCAL search_path = thidua, public;

CREATE TABLE council_sealed_ballots (
    session_id uuid NOT NULL,
    nomination_id uuid NOT NULL,
    member_id uuid NOT NULL,
    -- Three big-endian 32-bit words: (approve, reject, abstain) + mask, modulo 2^32.
    sealed bytea NOT NULL CHECK (octet_length(sealed) = 12),
    PRIMARY KEY (session_id, nomination_id, member_id),
    FOREIGN KEY (session_id, nomination_id, member_id) REFERENCES council_votes
);
COMMENT ON TABLE council_sealed_ballots IS 'Not audited, not granted: secret ballots sealed under a key the database never holds (0033).';
ALTER TABLE council_sealed_ballots ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY nobody ON council_sealed_ballots FOR SELECT USING (false);
CREATE POLICY sealed_actor_context ON council_sealed_ballots AS RESTRICTIVE FOR ALL
    USING ((SELECT thidua.actor_context_verified())) WITH CHECK ((SELECT thidua.actor_context_verified()));

RESET ROLE;
GRANT SELECT, INSERT, UPDATE ON thidua.council_sealed_ballots TO thidua_definer;
REVOKE ALL ON thidua.council_sealed_ballots FROM thidua_app, thidua_reader;

-- 0025's roster freeze without the in-database ballot key.
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
    RETURN seats;
END
$$;

-- Casts or changes the acting member's secret ballot: participation in council_votes (audited), the sealed
-- choice beside it. Returns the vote's new version, NULL when `expected_version` is not the current one.
DROP FUNCTION thidua.cast_secret_vote(uuid, uuid, text, integer);
CREATE FUNCTION thidua.cast_secret_vote(target_session uuid, target_nomination uuid, sealed_choice bytea, expected_version integer)
    RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    me uuid := thidua.actor_id();
    session_row thidua.council_sessions;
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
    INSERT INTO thidua.council_sealed_ballots AS b (session_id, nomination_id, member_id, sealed)
    VALUES (session_row.id, target_nomination, me, sealed_choice)
    ON CONFLICT ON CONSTRAINT council_sealed_ballots_pkey DO UPDATE SET sealed = EXCLUDED.sealed;
    RETURN now_version;
END
$$;

-- The sealed ballots of a session, with the version each was sealed under, for the server to open with its key
-- in the transaction that closes the session (secretariat).
CREATE FUNCTION thidua.sealed_ballots(target_session uuid)
    RETURNS TABLE (nomination_id uuid, member_id uuid, version integer, sealed bytea)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF thidua.actor_id() IS NULL THEN
        RAISE EXCEPTION 'no acting user' USING ERRCODE = 'TD001';
    END IF;
    IF thidua.setting('actor_role') IS DISTINCT FROM 'secretariat' OR NOT 'secretariat' = ANY (thidua.actor_roles()) THEN
        RAISE EXCEPTION 'only the secretariat closes council sessions' USING ERRCODE = 'TD008';
    END IF;
    IF NOT EXISTS (SELECT FROM thidua.council_sessions s
                   WHERE s.id = target_session AND s.area_id = thidua.actor_area_id() AND s.ballot = 'secret'
                     AND s.state = 'closed' AND s.closed_xact = pg_current_xact_id()) THEN
        RAISE EXCEPTION 'secret ballots are opened in the transaction that closes their session' USING ERRCODE = 'TD002';
    END IF;
    RETURN QUERY
    SELECT v.nomination_id, v.member_id, v.version, b.sealed
    FROM thidua.council_votes v
    JOIN thidua.council_sealed_ballots b USING (session_id, nomination_id, member_id)
    WHERE v.session_id = target_session;
END
$$;

-- Records the counts the server opened, in the transaction that closes the session; the item guard (0025)
-- refuses counts that do not add up to the members who took part. Returns the number of items tallied.
DROP FUNCTION thidua.tally_secret_ballots(uuid);
CREATE FUNCTION thidua.tally_secret_ballots(target_session uuid, nominations uuid[], approvals integer[], rejections integer[],
                                            abstentions integer[]) RETURNS integer
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
    FROM (SELECT i2.nomination_id, coalesce(o.approve, 0) AS approve, coalesce(o.reject, 0) AS reject,
                 coalesce(o.abstain, 0) AS abstain
          FROM thidua.council_session_items i2
          LEFT JOIN unnest(nominations, approvals, rejections, abstentions) AS o (nomination_id, approve, reject, abstain)
              ON o.nomination_id = i2.nomination_id
          WHERE i2.session_id = session_row.id) c
    WHERE i.session_id = session_row.id AND i.nomination_id = c.nomination_id;
    GET DIAGNOSTICS items = ROW_COUNT;
    -- A session opened before 0033 kept an in-database key: wiped, as 0009 did.
    UPDATE thidua.council_ballot_secrets b SET secret = NULL WHERE b.session_id = session_row.id;
    RETURN items;
END
$$;

ALTER FUNCTION thidua.cast_secret_vote(uuid, uuid, bytea, integer) OWNER TO thidua_definer;
ALTER FUNCTION thidua.sealed_ballots(uuid) OWNER TO thidua_definer;
ALTER FUNCTION thidua.tally_secret_ballots(uuid, uuid[], integer[], integer[], integer[]) OWNER TO thidua_definer;
REVOKE ALL ON FUNCTION thidua.cast_secret_vote(uuid, uuid, bytea, integer), thidua.sealed_ballots(uuid),
    thidua.tally_secret_ballots(uuid, uuid[], integer[], integer[], integer[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION thidua.cast_secret_vote(uuid, uuid, bytea, integer), thidua.sealed_ballots(uuid),
    thidua.tally_secret_ballots(uuid, uuid[], integer[], integer[], integer[]) TO thidua_app;
