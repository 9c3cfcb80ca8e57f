-- The catalogue: areas, units and their succession, users and their roles, delegations, movements, rounds.
--
-- Nothing is hard-deleted: a unit that ceased to exist gets valid_to and a succession record, a role grant
-- gets revoked_at. Every table that holds unit data carries area_id, the tenant key that lets several
-- districts (or, after 1/7/2025, a province's communes) share one database.
SET LOCAL ROLE thidua_owner;
SET LOCAL search_path = thidua, public;

CREATE TABLE areas (
    id text PRIMARY KEY CHECK (id ~ '^[a-z0-9-]+(/[a-z0-9-]+)*$'),
    name text NOT NULL CHECK (name IS NFC NORMALIZED AND btrim(name) <> '')
);
COMMENT ON TABLE areas IS 'Tenant key: a district or province whose units share this database.';

CREATE TABLE clusters (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    area_id text NOT NULL REFERENCES areas,
    name text NOT NULL CHECK (name IS NFC NORMALIZED AND btrim(name) <> ''),
    UNIQUE (area_id, name)
);
COMMENT ON TABLE clusters IS 'Emulation clusters and blocs (cụm, khối thi đua).';

CREATE TABLE units (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    area_id text NOT NULL REFERENCES areas,
    code text NOT NULL CHECK (code ~ '^[a-z0-9-]+$'),
    name text NOT NULL CHECK (name IS NFC NORMALIZED AND btrim(name) <> ''),
    kind text NOT NULL CHECK (kind IN ('commune', 'department', 'armed_force', 'enterprise', 'secretariat', 'council')),
    parent_id uuid REFERENCES units,
    cluster_id uuid REFERENCES clusters,
    valid_from date NOT NULL DEFAULT '2000-01-01',
    valid_to date,
    version integer NOT NULL DEFAULT 1 CHECK (version > 0),
    UNIQUE (area_id, code),
    CHECK (valid_to IS NULL OR valid_to > valid_from),
    CHECK (parent_id IS DISTINCT FROM id)
);
CREATE INDEX units_name_vi ON units (area_id, name COLLATE "vi-VN-x-icu");
COMMENT ON COLUMN units.valid_to IS 'First day the unit no longer exists; its records stay under it and roll up to its successor.';

-- Merges, splits, renames and dissolutions: one row per predecessor → successor pair of one change.
CREATE TABLE unit_successions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    kind text NOT NULL CHECK (kind IN ('merge', 'split', 'rename', 'transfer')),
    predecessor_id uuid NOT NULL REFERENCES units,
    successor_id uuid NOT NULL REFERENCES units,
    effective_on date NOT NULL,
    legal_basis text NOT NULL CHECK (btrim(legal_basis) <> ''),
    UNIQUE (predecessor_id, successor_id),
    CHECK (predecessor_id <> successor_id)
);

-- The unit a record of `unit` rolls up to on `day`: follows successions (a merge chain) to the unit in force.
CREATE FUNCTION unit_in_force(unit uuid, day date) RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    WITH RECURSIVE chain(id, depth) AS (
        SELECT unit, 0
        UNION ALL
        SELECT s.successor_id, chain.depth + 1
        FROM chain JOIN thidua.unit_successions s ON s.predecessor_id = chain.id AND s.effective_on <= day
        WHERE chain.depth < 32
    )
    SELECT id FROM chain ORDER BY depth DESC LIMIT 1;
END;

CREATE TABLE users (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    unit_id uuid NOT NULL REFERENCES units,
    username text NOT NULL CHECK (username ~ '^[a-z0-9._-]{3,64}$'),
    full_name text NOT NULL CHECK (full_name IS NFC NORMALIZED AND btrim(full_name) <> ''),
    active boolean NOT NULL DEFAULT true,
    password_hash text NOT NULL CHECK (password_hash LIKE '$2a$%'),
    created_at timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL DEFAULT 1 CHECK (version > 0),
    UNIQUE (username)
);
CREATE INDEX users_unit ON users (unit_id);
COMMENT ON COLUMN users.password_hash IS 'bcrypt (pgcrypto crypt with gen_salt(''bf'')); never granted to the application, never audited.';

CREATE TABLE role_grants (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL REFERENCES users,
    role text NOT NULL CHECK (role IN ('unit_clerk', 'unit_head', 'secretariat', 'council_member', 'chairman', 'auditor', 'admin')),
    granted_by uuid REFERENCES users,
    granted_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz,
    CHECK (granted_by IS DISTINCT FROM user_id)
);
CREATE UNIQUE INDEX role_grants_one_live ON role_grants (user_id, role) WHERE revoked_at IS NULL;
COMMENT ON CONSTRAINT role_grants_check ON role_grants IS 'No one grants a role to themselves.';

-- Ký thay (KT.) / thừa lệnh (TL.): a unit head or the chairman lends one of their roles to a colleague of the
-- same unit for a bounded period. Actions taken under it record both people.
CREATE TABLE delegations (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    delegator_id uuid NOT NULL REFERENCES users,
    delegate_id uuid NOT NULL REFERENCES users,
    role text NOT NULL CHECK (role IN ('unit_head', 'chairman')),
    style text NOT NULL CHECK (style IN ('KT', 'TL')),
    valid_from timestamptz NOT NULL,
    valid_to timestamptz NOT NULL,
    basis text NOT NULL CHECK (btrim(basis) <> ''),
    revoked_at timestamptz,
    CHECK (delegator_id <> delegate_id),
    CHECK (valid_to > valid_from)
);
CREATE INDEX delegations_delegate ON delegations (delegate_id);

CREATE TABLE movements (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    area_id text NOT NULL REFERENCES areas,
    code text NOT NULL CHECK (code ~ '^[a-z0-9-]+$'),
    name text NOT NULL CHECK (name IS NFC NORMALIZED AND btrim(name) <> ''),
    field text NOT NULL DEFAULT '' CHECK (field IS NFC NORMALIZED),
    criteria_section text NOT NULL DEFAULT '',
    nominee_kinds text[] NOT NULL CHECK (
        cardinality(nominee_kinds) > 0
        AND nominee_kinds <@ ARRAY['collective', 'individual', 'household', 'locality']
    ),
    -- [{"code": "2.2.1-a", "text": "…"}]: the checklist a nomination answers.
    criteria jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(criteria) = 'array'),
    -- [{"code": "revenue", "name": "Doanh thu", "unit": "triệu đồng", "perYear": true, "rule": "rising"}]
    indicators jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(indicators) = 'array'),
    active boolean NOT NULL DEFAULT true,
    version integer NOT NULL DEFAULT 1 CHECK (version > 0),
    UNIQUE (area_id, code)
);

-- The lead unit (đơn vị chủ trì) compiles and endorses a movement's list; partners (phối hợp) only help.
CREATE TABLE movement_lead_units (
    movement_id uuid NOT NULL REFERENCES movements,
    unit_id uuid NOT NULL REFERENCES units,
    part text NOT NULL CHECK (part IN ('lead', 'partner')),
    PRIMARY KEY (movement_id, unit_id)
);
CREATE INDEX movement_lead_units_unit ON movement_lead_units (unit_id) WHERE part = 'lead';

CREATE TABLE rounds (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    area_id text NOT NULL REFERENCES areas,
    code text NOT NULL CHECK (code ~ '^[a-z0-9-]+$'),
    name text NOT NULL CHECK (name IS NFC NORMALIZED AND btrim(name) <> ''),
    year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    level text NOT NULL CHECK (level IN ('unit', 'commune', 'district', 'province')),
    opens_at timestamptz NOT NULL,
    due_at timestamptz NOT NULL,
    state text NOT NULL DEFAULT 'open' CHECK (state IN ('planned', 'open', 'closed')),
    -- Law art. 84: a dossier lacking one of these kinds cannot be verified.
    required_dossier_kinds text[] NOT NULL DEFAULT ARRAY['request', 'achievement_report', 'review_minutes'] CHECK (
        required_dossier_kinds <@ ARRAY['request', 'achievement_report', 'review_minutes', 'initiative_certificate', 'other']
    ),
    version integer NOT NULL DEFAULT 1 CHECK (version > 0),
    UNIQUE (area_id, code),
    CHECK (due_at > opens_at)
);

-- How many exemplars each kind of unit may select in a round (the plan: commune 1–4, department 1–2, enterprise 1–2).
CREATE TABLE round_unit_limits (
    round_id uuid NOT NULL REFERENCES rounds,
    unit_kind text NOT NULL CHECK (unit_kind IN ('commune', 'department', 'armed_force', 'enterprise', 'secretariat', 'council')),
    minimum integer NOT NULL CHECK (minimum >= 0),
    maximum integer NOT NULL,
    PRIMARY KEY (round_id, unit_kind),
    CHECK (maximum >= minimum AND maximum > 0)
);

-- How many exemplars of each nominee kind a lead unit must introduce for its movement (a compliance figure).
CREATE TABLE round_movement_minimums (
    round_id uuid NOT NULL REFERENCES rounds,
    movement_id uuid NOT NULL REFERENCES movements,
    nominee_kind text NOT NULL CHECK (nominee_kind IN ('collective', 'individual', 'household', 'locality', 'any')),
    minimum integer NOT NULL CHECK (minimum > 0),
    PRIMARY KEY (round_id, movement_id, nominee_kind)
);

-- A late submission passes only under one of these, recorded (and audited) by the secretariat.
CREATE TABLE deadline_exceptions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    round_id uuid NOT NULL REFERENCES rounds,
    unit_id uuid NOT NULL REFERENCES units,
    until timestamptz NOT NULL,
    reason text NOT NULL CHECK (btrim(reason) <> ''),
    granted_by uuid NOT NULL REFERENCES users,
    granted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX deadline_exceptions_round_unit ON deadline_exceptions (round_id, unit_id, until);
