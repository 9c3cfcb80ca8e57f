-- Nominees (lasting identities), their personal data, nominations with their dossier, and the quota ledger.

-- pg_trgm: "tua chua" must find "Trường THCS Tủa Chùa" anywhere in a name, through an index.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

SET LOCAL ROLE thidua_owner;
SET LOCAL search_path = thidua, public;

-- A person, collective, household or locality, found again across years and rounds.
CREATE TABLE nominees (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    area_id text NOT NULL REFERENCES areas,
    unit_id uuid NOT NULL REFERENCES units,
    kind text NOT NULL CHECK (kind IN ('collective', 'individual', 'household', 'locality')),
    name text NOT NULL CHECK (name IS NFC NORMALIZED AND btrim(name) <> ''),
    restricted boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL DEFAULT 1 CHECK (version > 0)
);
CREATE INDEX nominees_unit ON nominees (unit_id);
CREATE INDEX nominees_name_search ON nominees USING gin (thidua.unaccented(lower(name)) public.gin_trgm_ops);
COMMENT ON COLUMN nominees.unit_id IS 'The unit that registered the nominee and keeps its personal data.';
COMMENT ON COLUMN nominees.restricted IS 'Personnel of an armed force: seen only by the force, the secretariat, the council, the chairman and auditors.';

-- Personal data lives apart so that whoever may read a nomination does not thereby read a birth date.
CREATE TABLE nominee_personal (
    nominee_id uuid PRIMARY KEY REFERENCES nominees,
    unit_id uuid NOT NULL REFERENCES units,
    date_of_birth date,
    gender text CHECK (gender IN ('female', 'male')),
    ethnicity text CHECK (ethnicity IS NFC NORMALIZED),
    position text CHECK (position IS NFC NORMALIZED),
    workplace text CHECK (workplace IS NFC NORMALIZED),
    version integer NOT NULL DEFAULT 1 CHECK (version > 0)
);
COMMENT ON TABLE nominee_personal IS '@personal: readable only by the registering unit, the secretariat and auditors.';

CREATE TABLE nominations (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    area_id text NOT NULL REFERENCES areas,
    round_id uuid NOT NULL REFERENCES rounds,
    movement_id uuid NOT NULL REFERENCES movements,
    unit_id uuid NOT NULL REFERENCES units,
    nominee_id uuid NOT NULL REFERENCES nominees,
    nominee_kind text NOT NULL CHECK (nominee_kind IN ('collective', 'individual', 'household', 'locality')),
    nominee_name text NOT NULL CHECK (nominee_name IS NFC NORMALIZED AND btrim(nominee_name) <> ''),
    title text NOT NULL DEFAULT '' CHECK (title IS NFC NORMALIZED),
    achievements text NOT NULL DEFAULT '' CHECK (achievements IS NFC NORMALIZED),
    -- {"2.2.1-a": {"met": true, "evidence": "…"}}
    criteria_answers jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(criteria_answers) = 'object'),
    -- {"revenue": {"2019": 1200, "2020": 1500}}
    indicators jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(indicators) = 'object'),
    state text NOT NULL DEFAULT 'draft' CHECK (state IN (
        'draft', 'submitted', 'endorsed', 'verified', 'returned', 'withdrawn',
        'in_review', 'approved', 'rejected', 'decided'
    )),
    restricted boolean NOT NULL DEFAULT false,
    return_count integer NOT NULL DEFAULT 0 CHECK (return_count >= 0),
    created_by uuid NOT NULL REFERENCES users,
    created_at timestamptz NOT NULL DEFAULT now(),
    submitted_by uuid REFERENCES users,
    submitted_at timestamptz,
    updated_at timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL DEFAULT 1 CHECK (version > 0),
    CHECK ((submitted_at IS NULL) = (submitted_by IS NULL))
);
CREATE INDEX nominations_unit_round ON nominations (unit_id, round_id, state);
CREATE INDEX nominations_movement ON nominations (round_id, movement_id, state);
CREATE INDEX nominations_nominee ON nominations (nominee_id);
CREATE INDEX nominations_name_search ON nominations USING gin (thidua.unaccented(lower(nominee_name)) public.gin_trgm_ops);

-- A dossier's documents (Law art. 84). Content is stored with its SHA-256, which the database computes and
-- checks; rows are never updated, so a document cannot change unseen.
CREATE TABLE nomination_attachments (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    nomination_id uuid NOT NULL REFERENCES nominations,
    unit_id uuid NOT NULL REFERENCES units,
    dossier_kind text NOT NULL CHECK (dossier_kind IN ('request', 'achievement_report', 'review_minutes', 'initiative_certificate', 'other')),
    file_name text NOT NULL CHECK (file_name IS NFC NORMALIZED AND btrim(file_name) <> '' AND length(file_name) <= 255),
    media_type text NOT NULL CHECK (media_type ~ '^[a-z]+/[a-z0-9.+-]+$'),
    byte_size integer NOT NULL CHECK (byte_size BETWEEN 1 AND 20971520),
    sha256 bytea NOT NULL,
    content bytea NOT NULL,
    uploaded_by uuid NOT NULL REFERENCES users,
    uploaded_at timestamptz NOT NULL DEFAULT now(),
    CHECK (byte_size = octet_length(content)),
    CHECK (sha256 = sha256(content))
);
CREATE INDEX nomination_attachments_nomination ON nomination_attachments (nomination_id);

-- How many exemplars each unit holds in each round. A nomination holds a slot from submission until it is
-- withdrawn or rejected. Two clerks submitting the fifth at once both update this one row: the second waits
-- for the first, then finds it full (keep_quota_ledger, 0004). The CHECK is the invariant behind that.
CREATE TABLE quota_usage (
    round_id uuid NOT NULL REFERENCES rounds,
    unit_id uuid NOT NULL REFERENCES units,
    used integer NOT NULL,
    maximum integer NOT NULL,
    PRIMARY KEY (round_id, unit_id),
    CONSTRAINT quota_usage_within_maximum CHECK (used BETWEEN 0 AND maximum)
);

-- Whether a nomination in `state` holds one of its unit's slots: from submission until it is withdrawn or
-- rejected. The one definition for the ledger (keep_quota_ledger, 0004) and the compliance counts; Swift's
-- NominationState.holdsQuotaSlot must agree, and a test compares the two state by state.
CREATE FUNCTION holds_quota_slot(state text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN state NOT IN ('draft', 'withdrawn', 'rejected');

-- Whether a nomination in `state` has passed `milestone` of the workflow (endorsed, verified, approved,
-- decided) and not gone back: the one definition for the compliance and yearly reports. A returned
-- nomination has passed nothing until it comes back.
CREATE FUNCTION has_passed(state text, milestone text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE milestone
        WHEN 'endorsed' THEN state IN ('endorsed', 'verified', 'in_review', 'approved', 'rejected', 'decided')
        WHEN 'verified' THEN state IN ('verified', 'in_review', 'approved', 'rejected', 'decided')
        WHEN 'approved' THEN state IN ('approved', 'decided')
        WHEN 'decided' THEN state = 'decided'
    END;
