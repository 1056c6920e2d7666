import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The foundation: jurisdictions (GB/T 2260, from reference/jurisdictions.csv), bureaus, users,
 * refresh tokens and the append-only, hash-chained audit trail.
 */
export class Foundation1763884800000 implements MigrationInterface {
  name = 'Foundation1763884800000';

  async up(db: QueryRunner): Promise<void> {
    // Timestamps that lists sort on are kept to the millisecond (timestamptz(3)), so that a
    // keyset cursor, which carries a JavaScript Date, round-trips exactly.
    // Division codes are compared by prefix (LIKE '35%'); the C collation lets a btree index serve that.
    await db.query(`CREATE DOMAIN division_code AS text COLLATE "C" CHECK (VALUE ~ '^[0-9]{6}$')`);

    await db.query(`
      CREATE TABLE jurisdictions (
        code division_code PRIMARY KEY,
        level text NOT NULL CHECK (level IN ('province', 'city', 'county')),
        parent_code division_code REFERENCES jurisdictions (code),
        name_zh text NOT NULL,
        name_en text NOT NULL
      )`);
    await db.query(`CREATE INDEX jurisdictions_parent_code_idx ON jurisdictions (parent_code)`);
    await db.query(`
      INSERT INTO jurisdictions (code, level, parent_code, name_zh, name_en) VALUES
      ('110000', 'province', NULL, '北京市', 'Beijing'),
      ('120000', 'province', NULL, '天津市', 'Tianjin'),
      ('130000', 'province', NULL, '河北省', 'Hebei'),
      ('140000', 'province', NULL, '山西省', 'Shanxi'),
      ('150000', 'province', NULL, '内蒙古自治区', 'Inner Mongolia'),
      ('210000', 'province', NULL, '辽宁省', 'Liaoning'),
      ('220000', 'province', NULL, '吉林省', 'Jilin'),
      ('230000', 'province', NULL, '黑龙江省', 'Heilongjiang'),
      ('310000', 'province', NULL, '上海市', 'Shanghai'),
      ('320000', 'province', NULL, '江苏省', 'Jiangsu'),
      ('330000', 'province', NULL, '浙江省', 'Zhejiang'),
      ('340000', 'province', NULL, '安徽省', 'Anhui'),
      ('350000', 'province', NULL, '福建省', 'Fujian'),
      ('360000', 'province', NULL, '江西省', 'Jiangxi'),
      ('370000', 'province', NULL, '山东省', 'Shandong'),
      ('410000', 'province', NULL, '河南省', 'Henan'),
      ('420000', 'province', NULL, '湖北省', 'Hubei'),
      ('430000', 'province', NULL, '湖南省', 'Hunan'),
      ('440000', 'province', NULL, '广东省', 'Guangdong'),
      ('450000', 'province', NULL, '广西壮族自治区', 'Guangxi'),
      ('460000', 'province', NULL, '海南省', 'Hainan'),
      ('500000', 'province', NULL, '重庆市', 'Chongqing'),
      ('510000', 'province', NULL, '四川省', 'Sichuan'),
      ('520000', 'province', NULL, '贵州省', 'Guizhou'),
      ('530000', 'province', NULL, '云南省', 'Yunnan'),
      ('540000', 'province', NULL, '西藏自治区', 'Tibet'),
      ('610000', 'province', NULL, '陕西省', 'Shaanxi'),
      ('620000', 'province', NULL, '甘肃省', 'Gansu'),
      ('630000', 'province', NULL, '青海省', 'Qinghai'),
      ('640000', 'province', NULL, '宁夏回族自治区', 'Ningxia'),
      ('650000', 'province', NULL, '新疆维吾尔自治区', 'Xinjiang'),
      ('350100', 'city', '350000', '福州市', 'Fuzhou'),
      ('350200', 'city', '350000', '厦门市', 'Xiamen'),
      ('350300', 'city', '350000', '莆田市', 'Putian'),
      ('350400', 'city', '350000', '三明市', 'Sanming'),
      ('350500', 'city', '350000', '泉州市', 'Quanzhou'),
      ('350600', 'city', '350000', '漳州市', 'Zhangzhou'),
      ('350700', 'city', '350000', '南平市', 'Nanping'),
      ('350800', 'city', '350000', '龙岩市', 'Longyan'),
      ('350900', 'city', '350000', '宁德市', 'Ningde'),
      ('210100', 'city', '210000', '沈阳市', 'Shenyang'),
      ('210200', 'city', '210000', '大连市', 'Dalian'),
      ('210300', 'city', '210000', '鞍山市', 'Anshan'),
      ('210400', 'city', '210000', '抚顺市', 'Fushun'),
      ('210500', 'city', '210000', '本溪市', 'Benxi'),
      ('210600', 'city', '210000', '丹东市', 'Dandong'),
      ('210700', 'city', '210000', '锦州市', 'Jinzhou'),
      ('210800', 'city', '210000', '营口市', 'Yingkou'),
      ('210900', 'city', '210000', '阜新市', 'Fuxin'),
      ('211000', 'city', '210000', '辽阳市', 'Liaoyang'),
      ('211100', 'city', '210000', '盘锦市', 'Panjin'),
      ('211200', 'city', '210000', '铁岭市', 'Tieling'),
      ('211300', 'city', '210000', '朝阳市', 'Chaoyang'),
      ('211400', 'city', '210000', '葫芦岛市', 'Huludao'),
      ('370100', 'city', '370000', '济南市', 'Jinan'),
      ('370200', 'city', '370000', '青岛市', 'Qingdao'),
      ('370300', 'city', '370000', '淄博市', 'Zibo'),
      ('370400', 'city', '370000', '枣庄市', 'Zaozhuang'),
      ('370500', 'city', '370000', '东营市', 'Dongying'),
      ('370600', 'city', '370000', '烟台市', 'Yantai'),
      ('370700', 'city', '370000', '潍坊市', 'Weifang'),
      ('370800', 'city', '370000', '济宁市', 'Jining'),
      ('370900', 'city', '370000', '泰安市', 'Tai''an'),
      ('371000', 'city', '370000', '威海市', 'Weihai'),
      ('371100', 'city', '370000', '日照市', 'Rizhao'),
      ('371300', 'city', '370000', '临沂市', 'Linyi'),
      ('371400', 'city', '370000', '德州市', 'Dezhou'),
      ('371500', 'city', '370000', '聊城市', 'Liaocheng'),
      ('371600', 'city', '370000', '滨州市', 'Binzhou'),
      ('371700', 'city', '370000', '菏泽市', 'Heze')`);

    await db.query(`
      CREATE TABLE bureaus (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        level text NOT NULL CHECK (level IN ('ministry', 'province', 'city')),
        jurisdiction_code division_code REFERENCES jurisdictions (code),
        email text,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT bureaus_ministry_has_no_jurisdiction CHECK ((level = 'ministry') = (jurisdiction_code IS NULL))
      )`);
    await db.query(`CREATE UNIQUE INDEX bureaus_jurisdiction_code_key ON bureaus (jurisdiction_code)`);
    await db.query(`CREATE UNIQUE INDEX bureaus_single_ministry_key ON bureaus ((true)) WHERE level = 'ministry'`);
    await db.query(`CREATE INDEX bureaus_created_at_idx ON bureaus (created_at, id)`);

    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
        display_name text NOT NULL,
        email text,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('system_admin', 'ministry_official', 'bureau_admin', 'inspector', 'agency_user')),
        bureau_id uuid REFERENCES bureaus (id),
        agency_id uuid,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
        failed_login_count integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        last_login_at timestamptz,
        password_changed_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT users_role_affiliation CHECK (
          CASE role
            WHEN 'system_admin' THEN bureau_id IS NULL AND agency_id IS NULL
            WHEN 'agency_user' THEN agency_id IS NOT NULL AND bureau_id IS NULL
            ELSE bureau_id IS NOT NULL AND agency_id IS NULL
          END)
      )`);
    await db.query(`CREATE UNIQUE INDEX users_username_key ON users (username)`);
    await db.query(`CREATE INDEX users_bureau_id_idx ON users (bureau_id, created_at, id)`);
    await db.query(`CREATE INDEX users_agency_id_idx ON users (agency_id)`);
    await db.query(`CREATE INDEX users_created_at_idx ON users (created_at, id)`);

    await db.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL,
        issued_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        revoked_reason text
      )`);
    await db.query(`CREATE INDEX refresh_tokens_family_id_idx ON refresh_tokens (family_id)`);
    await db.query(`CREATE INDEX refresh_tokens_live_by_user_idx ON refresh_tokens (user_id) WHERE revoked_at IS NULL`);

    await this.createAuditTrail(db);
  }

  private async createAuditTrail(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_events (
        seq bigint PRIMARY KEY,
        occurred_at timestamptz NOT NULL,
        actor_id uuid,
        actor_username text NOT NULL,
        actor_role text NOT NULL,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        before jsonb,
        after jsonb,
        request_id text,
        prev_hash text NOT NULL,
        hash text NOT NULL
      )`);
    await db.query(`CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, seq)`);
    await db.query(`CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, seq)`);
    await db.query(`CREATE INDEX audit_events_occurred_at_idx ON audit_events (occurred_at)`);

    // The hash covers the previous row's hash and every field, in a text form that does not
    // depend on the session's time zone (jsonb::text is canonical).
    await db.query(`
      CREATE FUNCTION audit_event_hash(prev_hash text, e audit_events) RETURNS text
      LANGUAGE sql IMMUTABLE AS $$
        SELECT encode(sha256(convert_to(concat_ws('|',
          prev_hash, e.seq::text,
          to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
          coalesce(e.actor_id::text, '-'), e.actor_username, e.actor_role, e.action,
          e.entity_type, coalesce(e.entity_id, '-'),
          coalesce(e.before::text, 'null'), coalesce(e.after::text, 'null'),
          coalesce(e.request_id, '-')), 'UTF8')), 'hex')
      $$`);

    // Appends are serialised by a transaction-scoped advisory lock, so each row links to the row
    // committed before it and seq has no gaps, whatever order concurrent transactions commit in.
    await db.query(`
      CREATE FUNCTION audit_events_link() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        last_row record;
      BEGIN
        PERFORM pg_advisory_xact_lock(7310043);
        SELECT seq, hash INTO last_row FROM audit_events ORDER BY seq DESC LIMIT 1;
        NEW.seq := coalesce(last_row.seq, 0) + 1;
        NEW.prev_hash := coalesce(last_row.hash, repeat('0', 64));
        NEW.occurred_at := clock_timestamp();
        NEW.hash := audit_event_hash(NEW.prev_hash, NEW);
        RETURN NEW;
      END $$`);
    await db.query(`CREATE TRIGGER audit_events_link BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_link()`);

    await db.query(`
      CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change()`);
    await db.query(`CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change()`);
  }

  async down(db: QueryRunner): Promise<void> {
    // CASCADE takes the hash function with it: it is declared on the table's row type.
    await db.query(`DROP TABLE audit_events CASCADE`);
    await db.query(`DROP FUNCTION audit_events_refuse_change(), audit_events_link()`);
    await db.query(`DROP TABLE refresh_tokens, users, bureaus, jurisdictions`);
    await db.query(`DROP DOMAIN division_code`);
  }
}
