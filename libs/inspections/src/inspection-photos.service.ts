import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Actor } from '@app/access';
import { AuditService } from '@app/audit';
import { ChecklistsService } from '@app/checklists';
import { Clock, Problems } from '@app/core';
import { InspectionPhotoView } from './inspections.dto';
import { InspectionsService } from './inspections.service';

/** A photo as the device sends it: resized there, so these limits are generous for a phone's JPEG. */
export const PHOTO_MAX_BYTES = 3 * 1024 * 1024;
export const THUMBNAIL_MAX_BYTES = 100 * 1024;
export const PHOTOS_PER_ITEM = 10;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

/** What the bytes are, whatever the upload claims: the image formats by their signatures. */
export function sniffImageType(bytes: Buffer): PhotoType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

export interface PhotoUpload {
  photo: Buffer;
  thumbnail: Buffer | null;
  caption: string | null;
}

const COLUMNS = `id, item_code AS "itemCode", content_type AS "contentType", size_bytes AS "sizeBytes", sha256,
  thumbnail IS NOT NULL AS "hasThumbnail", caption, uploaded_by_username AS "uploadedBy", uploaded_at AS "uploadedAt"`;

/**
 * Photo evidence of inspections: added to a checklist item while the findings may change, read
 * by whoever may read the inspection (its scope decides, 404 otherwise), kept in PostgreSQL.
 */
@Injectable()
export class InspectionPhotosService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly inspections: InspectionsService,
    private readonly checklists: ChecklistsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async add(actor: Actor, inspectionId: string, itemCode: string, upload: PhotoUpload): Promise<InspectionPhotoView> {
    const contentType = sniffImageType(upload.photo);
    if (!contentType) throw Problems.invalid([{ field: 'photo', message: 'photo must be a JPEG, PNG or WebP image' }]);
    const thumbnailType = upload.thumbnail ? sniffImageType(upload.thumbnail) : null;
    if (upload.thumbnail && !thumbnailType) throw Problems.invalid([{ field: 'thumbnail', message: 'thumbnail must be a JPEG, PNG or WebP image' }]);
    const sha256 = createHash('sha256').update(upload.photo).digest('hex');
    return this.dataSource.transaction(async (manager) => {
      const inspection = await this.inspections.get(actor, inspectionId, manager);
      if (inspection.status !== 'planned' && inspection.status !== 'in_progress') {
        throw Problems.conflict('findings-immutable', `Inspection is ${inspection.status}: its findings are fixed; add an addendum to correct them`, { currentStatus: inspection.status });
      }
      const { items } = await this.checklists.get(inspection.templateId, manager);
      if (!items.some((item) => item.code === itemCode)) throw Problems.invalid([{ field: 'itemCode', message: `${itemCode} is not an item of this inspection's checklist` }]);
      // Serialises uploads to one item, so the count below holds.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`inspection-photos:${inspectionId}:${itemCode}`]);
      const [same] = (await manager.query(`SELECT ${COLUMNS} FROM inspection_photos WHERE inspection_id = $1 AND item_code = $2 AND sha256 = $3`, [inspectionId, itemCode, sha256])) as InspectionPhotoView[];
      if (same) return same;
      const [{ n }] = (await manager.query(`SELECT count(*)::int AS n FROM inspection_photos WHERE inspection_id = $1 AND item_code = $2`, [inspectionId, itemCode])) as { n: number }[];
      if (n >= PHOTOS_PER_ITEM) throw Problems.conflict('too-many-photos', `An item has at most ${PHOTOS_PER_ITEM} photos`, { limit: PHOTOS_PER_ITEM });
      const [photo] = (await manager.query(
        `INSERT INTO inspection_photos (inspection_id, item_code, content_type, size_bytes, sha256, data, thumbnail_type, thumbnail, caption, uploaded_by, uploaded_by_username, uploaded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING ${COLUMNS}`,
        [inspectionId, itemCode, contentType, upload.photo.length, sha256, upload.photo, thumbnailType, upload.thumbnail, upload.caption, actor.userId, actor.username, this.clock.now()],
      )) as InspectionPhotoView[];
      await this.audit.record(manager, {
        action: 'inspection.photo_add',
        entityType: 'inspection',
        entityId: inspectionId,
        after: { photoId: photo.id, itemCode, contentType, sizeBytes: upload.photo.length, sha256 },
      });
      return photo;
    });
  }

  async list(actor: Actor, inspectionId: string): Promise<InspectionPhotoView[]> {
    await this.inspections.get(actor, inspectionId);
    return (await this.dataSource.query(`SELECT ${COLUMNS} FROM inspection_photos WHERE inspection_id = $1 ORDER BY item_code, uploaded_at, id`, [inspectionId])) as InspectionPhotoView[];
  }

  /** The image (or its thumbnail, else the image) with its type and checksum; 404 out of scope. */
  async content(actor: Actor, inspectionId: string, photoId: string, thumbnail: boolean): Promise<{ contentType: string; data: Buffer; sha256: string }> {
    await this.inspections.get(actor, inspectionId);
    const [row] = (await this.dataSource.query(
      `SELECT content_type AS "contentType", data, thumbnail_type AS "thumbnailType", thumbnail, sha256 FROM inspection_photos WHERE id = $1 AND inspection_id = $2`,
      [photoId, inspectionId],
    )) as { contentType: string; data: Buffer; thumbnailType: string | null; thumbnail: Buffer | null; sha256: string }[];
    if (!row) throw Problems.notFound('Photo', photoId);
    if (thumbnail && row.thumbnail && row.thumbnailType) return { contentType: row.thumbnailType, data: row.thumbnail, sha256: row.sha256 };
    return { contentType: row.contentType, data: row.data, sha256: row.sha256 };
  }

  /** Removes a photo while the findings may still change. */
  async remove(actor: Actor, inspectionId: string, photoId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const inspection = await this.inspections.get(actor, inspectionId, manager);
      if (inspection.status !== 'planned' && inspection.status !== 'in_progress') {
        throw Problems.conflict('findings-immutable', `Inspection is ${inspection.status}: its findings are fixed; add an addendum to correct them`, { currentStatus: inspection.status });
      }
      const [removed] = (await manager.query(`DELETE FROM inspection_photos WHERE id = $1 AND inspection_id = $2 RETURNING item_code AS "itemCode", sha256`, [photoId, inspectionId])) as [
        { itemCode: string; sha256: string }[],
        number,
      ];
      const row = removed[0];
      if (!row) throw Problems.notFound('Photo', photoId);
      await this.audit.record(manager, { action: 'inspection.photo_remove', entityType: 'inspection', entityId: inspectionId, before: { photoId, itemCode: row.itemCode, sha256: row.sha256 } });
    });
  }
}
