import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { byCreation, Page, paginate, Problems, updateVersioned } from '@app/core';
import { AuditService } from '@app/audit';
import { AgenciesService, agencyIdsLikeSql } from '@app/agencies';
import { bureauIdsLikeSql, BureausService, bureausCoveringSql } from '@app/jurisdictions';
import { Actor, coversJurisdiction, LiveSessions, Role } from '@app/access';
import { Passwords } from '../login/passwords';
import { LoginThrottle } from '../login/login-throttle';
import { RefreshTokens } from '../login/refresh-tokens';
import { passwordProblems } from './password-policy';
import { User } from './user.entity';
import { CreateUserRequest, UpdateUserRequest, UserQuery, UserView } from './users.dto';

/** An official who may take a case in a division: for assignment pickers. */
export interface AssignableOfficer {
  id: string;
  displayName: string;
  role: Role;
  bureauId: string;
  bureauName: string;
}

/** What a bureau admin may make of the users of its bureaus. */
const BUREAU_ADMIN_GRANTS: readonly Role[] = ['bureau_admin', 'inspector'];

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bureaus: BureausService,
    private readonly agencies: AgenciesService,
    private readonly passwords: Passwords,
    private readonly refreshTokens: RefreshTokens,
    private readonly loginThrottle: LoginThrottle,
    private readonly sessions: LiveSessions,
    private readonly audit: AuditService,
  ) {}

  /** System admins see every user; a bureau admin the users of its own bureau and the bureaus below it. */
  async list(actor: Actor, query: UserQuery): Promise<Page<UserView>> {
    const qb = this.scoped(actor);
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.bureauId) qb.andWhere('u.bureau_id = :bureauId', { bureauId: query.bureauId });
    if (query.status) qb.andWhere('u.status = :status', { status: query.status });
    if (query.q) {
      qb.andWhere(`(u.username ILIKE :q OR u.display_name ILIKE :q)`, { q: `%${escapeLike(query.q)}%` });
    }
    const page = await paginate(qb, query, byCreation('u', 'ASC'));
    return { items: page.items.map(UserView.of), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<UserView> {
    return UserView.of(await this.getScoped(actor, id));
  }

  /**
   * Opens an account. Its password must pass the policy; only the demo seed (never an API call,
   * and never in production) may set the documented demo password, which does not.
   */
  async create(actor: Actor, request: CreateUserRequest, options: { passwordPolicy?: 'demo-seed' } = {}): Promise<UserView> {
    if (options.passwordPolicy !== 'demo-seed') {
      const problems = passwordProblems(request.password, request);
      if (problems.length > 0) throw Problems.invalid(problems);
    }
    const bureauId = await this.checkAffiliation(actor, request.role, request.bureauId, request.agencyId);
    const passwordHash = await this.passwords.hash(request.password);
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.save(
        manager.create(User, {
          username: request.username,
          displayName: request.displayName.trim(),
          email: request.email ?? null,
          passwordHash,
          role: request.role,
          bureauId,
          agencyId: request.role === 'agency_user' ? (request.agencyId ?? null) : null,
          status: 'active',
          failedLoginCount: 0,
        }),
      );
      const view = UserView.of(await manager.findOneByOrFail(User, { id: user.id }));
      await this.audit.record(manager, { action: 'user.create', entityType: 'user', entityId: user.id, after: view });
      return view;
    });
  }

  async update(actor: Actor, id: string, request: UpdateUserRequest): Promise<UserView> {
    const current = await this.getScoped(actor, id);
    const roleChanges = request.role !== undefined && request.role !== current.role;
    const bureauChanges = request.bureauId !== undefined && request.bureauId !== current.bureauId;
    if (roleChanges && (current.role === 'agency_user' || request.role === 'agency_user')) {
      // An agency's account stays an agency's: a bureau role needs a bureau, which an update does not give.
      throw Problems.invalid([{ field: 'role', message: 'an agency account cannot change role; open a new account instead' }]);
    }
    const changes: Partial<User> = {};
    if (roleChanges || bureauChanges) {
      const role = request.role ?? current.role;
      if (bureauChanges && (role === 'agency_user' || role === 'system_admin')) {
        throw Problems.invalid([{ field: 'bureauId', message: `a ${role} belongs to no bureau` }]);
      }
      const bureauId = await this.checkAffiliation(actor, role, request.bureauId ?? current.bureauId ?? undefined, current.agencyId ?? undefined);
      if (bureauChanges) changes.bureauId = bureauId;
    }
    if (actor.userId === id && (roleChanges || bureauChanges || request.status === 'disabled')) {
      throw Problems.conflict('self-demotion', 'You cannot change your own role or bureau or disable yourself; ask another administrator');
    }
    if (request.displayName !== undefined) changes.displayName = request.displayName.trim();
    if (request.email !== undefined) changes.email = request.email;
    if (request.role !== undefined) changes.role = request.role;
    if (request.status !== undefined) changes.status = request.status;
    if (request.unlock) Object.assign(changes, { failedLoginCount: 0, lockedUntil: null });
    if (request.password !== undefined) {
      const problems = passwordProblems(request.password, { username: current.username, displayName: request.displayName ?? current.displayName, email: request.email ?? current.email });
      if (problems.length > 0) throw Problems.invalid(problems);
      Object.assign(changes, { passwordHash: await this.passwords.hash(request.password), passwordChangedAt: new Date() });
    }
    // A new bureau is a new reach: the scope in the tokens already issued is no longer true.
    const signInsChange = request.status !== undefined || request.password !== undefined || roleChanges || bureauChanges;
    const view = await this.dataSource.transaction(async (manager) => {
      await updateVersioned(manager, User, { id, version: request.version }, changes, 'User');
      if (request.unlock) await this.loginThrottle.forgive(manager, current.username);
      if (request.status === 'disabled' || request.password !== undefined || roleChanges || bureauChanges) {
        await this.refreshTokens.revokeAllOfUser(manager, id, request.status === 'disabled' ? 'disabled' : 'credentials-changed');
      }
      // Disabling, a new password or a new role also refuses the access tokens already issued.
      if (signInsChange) await this.sessions.announce(manager, id);
      const updated = UserView.of(await manager.findOneByOrFail(User, { id }));
      await this.audit.record(manager, {
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        before: UserView.of(current),
        after: { ...updated, passwordChanged: request.password !== undefined },
      });
      return updated;
    });
    if (signInsChange) this.sessions.forget(id);
    return view;
  }

  /** Ends a sign-in lockout: the account's lock and every address's waiting time. */
  async unlock(actor: Actor, id: string): Promise<UserView> {
    const user = await this.getScoped(actor, id);
    return this.dataSource.transaction(async (manager) => {
      // Plain SQL: clearing a lock is not an edit of the account, so it does not bump its version.
      await manager.query(`UPDATE users SET failed_login_count = 0, locked_until = NULL WHERE id = $1`, [id]);
      await this.loginThrottle.forgive(manager, user.username);
      await this.audit.record(manager, { action: 'user.unlock', entityType: 'user', entityId: id, before: { lockedUntil: user.lockedUntil, failedLoginCount: user.failedLoginCount } });
      return UserView.of(await manager.findOneByOrFail(User, { id }));
    });
  }

  /** For sign-in: the user with its password hash. */
  findForLogin(manager: EntityManager, username: string): Promise<User | null> {
    return manager
      .createQueryBuilder(User, 'u')
      .addSelect('u.passwordHash')
      .where('u.username = :username', { username: username.trim().toLowerCase() })
      .getOne();
  }

  findById(manager: EntityManager, id: string): Promise<User | null> {
    return manager.findOneBy(User, { id });
  }

  /**
   * Active inspectors and bureau admins who may take a case in division `code`: their bureau
   * covers the code (a city bureau its city, a province bureau its province) and lies in the
   * actor's jurisdiction. Nearest bureau first, inspectors before admins, then by name.
   */
  async assignableOfficers(actor: Actor, code: string, manager: EntityManager = this.dataSource.manager): Promise<AssignableOfficer[]> {
    if (actor.jurisdictionPrefix === null) return [];
    return this.officersCovering(actor.jurisdictionPrefix, code, manager);
  }

  /** The officers of the bureaus within `reachPrefix` ('' national, '35' Fujian) that cover division `code`, nearest bureau first. */
  async officersCovering(reachPrefix: string, code: string, manager: EntityManager = this.dataSource.manager): Promise<AssignableOfficer[]> {
    return (await manager.query(
      `SELECT u.id, u.display_name AS "displayName", u.role, u.bureau_id AS "bureauId", b.name AS "bureauName"
         FROM (${bureausCoveringSql('$1', '$2')}) b
         JOIN users u ON u.bureau_id = b.id
        WHERE u.status = 'active' AND u.role IN ('inspector', 'bureau_admin')
        ORDER BY b.jurisdiction_code DESC, (u.role = 'inspector') DESC, u.display_name, u.id`,
      [reachPrefix, code],
    )) as AssignableOfficer[];
  }

  /**
   * A bureau admin reaches the users of its own bureau and of the bureaus in its jurisdiction, and
   * the accounts of the agencies in its jurisdiction (which it opens: it must be able to disable them).
   */
  private scoped(actor: Actor) {
    const qb = this.users.createQueryBuilder('u');
    if (actor.role === 'system_admin') return qb;
    if (actor.role !== 'bureau_admin' || !actor.bureauId || actor.jurisdictionPrefix === null) return qb.andWhere('false');
    return qb.andWhere(
      `(u.bureau_id = :ownBureau OR u.bureau_id IN (${bureauIdsLikeSql(':bureauPrefix')})
        OR u.agency_id IN (${agencyIdsLikeSql(':bureauPrefix')}))`,
      {
        ownBureau: actor.bureauId,
        bureauPrefix: `${actor.jurisdictionPrefix}%`,
      },
    );
  }

  private async getScoped(actor: Actor, id: string): Promise<User> {
    const user = await this.scoped(actor).andWhere('u.id = :id', { id }).getOne();
    if (!user) throw Problems.notFound('User', id);
    return user;
  }

  /** Checks the actor may give this role and affiliation; returns the bureau the user belongs to. */
  private async checkAffiliation(actor: Actor, role: Role, bureauId?: string, agencyId?: string): Promise<string | null> {
    if (role === 'system_admin') {
      if (actor.role !== 'system_admin') throw Problems.forbidden('Only a system administrator can create system administrators');
      return null;
    }
    if (role === 'agency_user') {
      if (!agencyId) throw Problems.invalid([{ field: 'agencyId', message: 'an agency user needs an agencyId' }]);
      // A bureau admin opens accounts for agencies in its jurisdiction; get() answers 404 otherwise.
      await this.agencies.get(actor, agencyId);
      return null;
    }
    const targetBureauId = bureauId ?? (actor.role === 'bureau_admin' ? actor.bureauId : undefined);
    if (!targetBureauId) throw Problems.invalid([{ field: 'bureauId', message: `a ${role} needs a bureauId` }]);
    const bureau = await this.bureaus.findById(targetBureauId);
    if (actor.role === 'bureau_admin' && targetBureauId !== actor.bureauId && !(bureau?.jurisdictionCode && coversJurisdiction(actor, bureau.jurisdictionCode))) {
      throw Problems.forbidden('A bureau admin manages the users of its own bureau and the bureaus below it only');
    }
    if (!bureau) throw Problems.invalid([{ field: 'bureauId', message: 'no such bureau' }]);
    if (bureau.status === 'disabled') throw Problems.invalid([{ field: 'bureauId', message: 'the bureau is disabled' }]);
    if (actor.role === 'bureau_admin') {
      const grants = bureau.level === 'ministry' ? [...BUREAU_ADMIN_GRANTS, 'ministry_official'] : BUREAU_ADMIN_GRANTS;
      if (!grants.includes(role)) throw Problems.forbidden(`A bureau admin cannot grant the role ${role}`);
    }
    if (role === 'ministry_official' && bureau.level !== 'ministry') {
      throw Problems.invalid([{ field: 'role', message: 'ministry officials belong to the ministry' }]);
    }
    return targetBureauId;
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
