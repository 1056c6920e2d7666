import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { byCreation, Page, paginate, Problems } from '@app/core';
import { AuditService } from '@app/audit';
import { ChecklistItem, ChecklistKind, ChecklistTemplate } from './checklist-template.entity';
import { ChecklistTemplateView, CreateTemplateRequest, TemplateQuery } from './checklists.dto';
import { ItemTexts, ChecklistTexts } from './item-texts';
import { Language, pick } from './language';

/** A template with its items, as other modules use it (scoring, answer validation). */
export interface TemplateWithItems {
  template: ChecklistTemplate;
  items: ChecklistItem[];
}

@Injectable()
export class ChecklistsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly texts: ChecklistTexts,
  ) {}

  async list(query: TemplateQuery, language: Language): Promise<Page<ChecklistTemplateView>> {
    const qb = this.dataSource.getRepository(ChecklistTemplate).createQueryBuilder('t');
    if (query.kind) qb.andWhere('t.kind = :kind', { kind: query.kind });
    if (query.status) qb.andWhere('t.status = :status', { status: query.status });
    if (query.code) qb.andWhere('t.code = :code', { code: query.code });
    const page = await paginate(qb, query, byCreation('t'));
    const items = await this.itemsOf(page.items.map((t) => t.id));
    const describe = await this.texts.describer();
    return { items: page.items.map((t) => toView({ template: t, items: items.get(t.id) ?? [] }, language, describe)), nextCursor: page.nextCursor };
  }

  async view(id: string, language: Language): Promise<ChecklistTemplateView> {
    return toView(await this.get(id), language, await this.texts.describer());
  }

  /** A template with its items in checklist order; 404 when there is none. */
  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<TemplateWithItems> {
    const template = await manager.findOneBy(ChecklistTemplate, { id });
    if (!template) throw Problems.notFound('Checklist template', id);
    const items = await manager.find(ChecklistItem, { where: { templateId: id }, order: { position: 'ASC' } });
    return { template, items };
  }

  /** The template an inspection or self-assessment starts on: the given one, or the newest published of its kind. */
  async forUse(kind: ChecklistKind, id: string | undefined, manager: EntityManager = this.dataSource.manager): Promise<TemplateWithItems> {
    if (id) {
      const found = await manager.findOneBy(ChecklistTemplate, { id });
      if (!found || found.kind !== kind || found.status !== 'published') {
        throw Problems.invalid([{ field: 'templateId', message: `templateId must name a published ${kind} checklist template` }]);
      }
      return this.get(id, manager);
    }
    const latest = await manager.findOne(ChecklistTemplate, { where: { kind, status: 'published' }, order: { publishedAt: 'DESC', version: 'DESC' } });
    if (!latest) throw Problems.conflict('no-published-template', `No ${kind} checklist template is published`);
    return this.get(latest.id, manager);
  }

  /** Items of several templates, in one query. */
  async itemsOf(templateIds: string[]): Promise<Map<string, ChecklistItem[]>> {
    const byTemplate = new Map<string, ChecklistItem[]>();
    if (templateIds.length === 0) return byTemplate;
    const rows = await this.dataSource.getRepository(ChecklistItem).find({ where: { templateId: In(templateIds) }, order: { position: 'ASC' } });
    for (const row of rows) byTemplate.set(row.templateId, [...(byTemplate.get(row.templateId) ?? []), row]);
    return byTemplate;
  }

  /** A new draft: version 1 of a new code, or the next version of an existing one. */
  async create(request: CreateTemplateRequest, language: Language): Promise<ChecklistTemplateView> {
    const duplicates = request.items.map((i) => i.code).filter((code, index, all) => all.indexOf(code) !== index);
    if (duplicates.length > 0) {
      throw Problems.invalid([...new Set(duplicates)].map((code) => ({ field: 'items', message: `item code ${code} appears more than once` })));
    }
    const created = await this.dataSource.transaction(async (manager) => {
      // Serialises concurrent drafts of one code, so versions never collide.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('checklist_templates:' || $1))`, [request.code]);
      const [{ kind, next }] = (await manager.query(
        `SELECT (SELECT kind FROM checklist_templates WHERE code = $1 LIMIT 1) AS kind,
                COALESCE((SELECT max(version) FROM checklist_templates WHERE code = $1), 0) + 1 AS next`,
        [request.code],
      )) as { kind: string | null; next: number }[];
      if (kind && kind !== request.kind) {
        throw Problems.invalid([{ field: 'kind', message: `template ${request.code} is a ${kind} checklist; a new version keeps its kind` }]);
      }
      const template = await manager.save(
        manager.create(ChecklistTemplate, {
          code: request.code,
          kind: request.kind,
          version: Number(next),
          titleZh: request.titleZh,
          titleEn: request.titleEn,
          status: 'draft',
          publishedAt: null,
        }),
      );
      const items = request.items.map((item, index) =>
        manager.create(ChecklistItem, {
          templateId: template.id,
          code: item.code,
          position: index + 1,
          section: item.section,
          criticality: item.criticality,
          points: item.points,
          legalBasis: item.legalBasis ?? null,
          textZh: item.textZh,
          textEn: item.textEn,
        }),
      );
      await manager.insert(ChecklistItem, items);
      await this.audit.record(manager, { action: 'checklist_template.create', entityType: 'checklist_template', entityId: template.id, after: { ...template, items } });
      return { template, items };
    });
    return toView(created, language, await this.texts.describer());
  }

  async publish(id: string, language: Language): Promise<ChecklistTemplateView> {
    const published = await this.dataSource.transaction(async (manager) => {
      const current = await this.get(id, manager);
      if (current.template.status !== 'draft') throw Problems.illegalTransition('Checklist template', current.template.status, 'published');
      const result = await manager
        .createQueryBuilder()
        .update(ChecklistTemplate)
        .set({ status: 'published', publishedAt: () => 'now()' })
        .where(`id = :id AND status = 'draft'`, { id })
        .execute();
      // Published meanwhile by someone else.
      if (result.affected !== 1) throw Problems.illegalTransition('Checklist template', 'published', 'published');
      const after = await this.get(id, manager);
      await this.audit.record(manager, { action: 'checklist_template.publish', entityType: 'checklist_template', entityId: id, before: current.template, after: after.template });
      return after;
    });
    return toView(published, language, await this.texts.describer());
  }
}

export function toView({ template, items }: TemplateWithItems, language: Language, describe: (item: ChecklistItem) => ItemTexts): ChecklistTemplateView {
  return {
    id: template.id,
    code: template.code,
    kind: template.kind,
    version: template.version,
    status: template.status,
    language,
    title: pick(language, template.titleZh, template.titleEn),
    titleZh: template.titleZh,
    titleEn: template.titleEn,
    publishedAt: template.publishedAt,
    createdAt: template.createdAt,
    items: items.map((item) => itemView(item, language, describe)),
  };
}

/** A checklist item as readers see it (the template, and an inspection's findings): its text in their language beside both. */
export function itemView(item: ChecklistItem, language: Language, describe: (item: ChecklistItem) => ItemTexts) {
  return {
    code: item.code,
    section: item.section,
    criticality: item.criticality,
    points: item.points,
    legalBasis: item.legalBasis,
    text: pick(language, item.textZh, item.textEn),
    textZh: item.textZh,
    textEn: item.textEn,
    ...describe(item),
  };
}
