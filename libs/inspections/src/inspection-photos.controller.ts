import type {} from '@fastify/multipart';
import { Controller, Get, HttpStatus, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, Allow, CurrentActor } from '@app/access';
import { IdParam, ProblemDetails, ProblemException, Problems, ReadRoute, RemoveRoute } from '@app/core';
import { InspectionPhotosService, PHOTO_MAX_BYTES, PHOTOS_PER_ITEM, THUMBNAIL_MAX_BYTES } from './inspection-photos.service';
import { InspectionPhotosView, InspectionPhotoView, PhotoContentQuery } from './inspections.dto';

const ITEM_CODE = /^[A-Z0-9][A-Z0-9_-]{0,39}$/;
const READERS = ['ministry_official', 'bureau_admin', 'inspector', 'agency_user'] as const;

@ApiTags('inspections')
@Controller('inspections')
export class InspectionPhotosController {
  constructor(private readonly photos: InspectionPhotosService) {}

  @Post(':id/findings/:itemCode/photos')
  @Allow('bureau_admin', 'inspector')
  @ApiOperation({
    operationId: 'addInspectionPhoto',
    summary: `Attach a photo to a checklist item (multipart: photo, optional thumbnail and caption); at most ${PHOTOS_PER_ITEM} per item, until submission`,
    description: `JPEG, PNG or WebP, checked by content: the photo up to ${PHOTO_MAX_BYTES} bytes (resize on the device first), the thumbnail up to ${THUMBNAIL_MAX_BYTES}. The same image again is the same photo.`,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['photo'],
      properties: { photo: { type: 'string', format: 'binary' }, thumbnail: { type: 'string', format: 'binary' }, caption: { type: 'string', maxLength: 500 } },
    },
  })
  @ApiCreatedResponse({ type: InspectionPhotoView })
  @ApiConflictResponse({ type: ProblemDetails, description: 'Submitted (findings fixed), or the item has its most photos' })
  @ApiPayloadTooLargeResponse({ type: ProblemDetails, description: 'The photo or the thumbnail is too large' })
  async add(@CurrentActor() actor: Actor, @IdParam() id: string, @Param('itemCode') itemCode: string, @Req() request: FastifyRequest): Promise<InspectionPhotoView> {
    if (!ITEM_CODE.test(itemCode)) throw Problems.invalid([{ field: 'itemCode', message: `${itemCode.slice(0, 40)} is not an item of this inspection's checklist` }]);
    if (!request.isMultipart()) throw Problems.invalid([{ field: 'photo', message: 'send the photo as multipart/form-data' }]);
    let photo: Buffer | null = null;
    let thumbnail: Buffer | null = null;
    let caption: string | null = null;
    for await (const part of request.parts({ limits: { fileSize: PHOTO_MAX_BYTES, files: 2, fields: 1, parts: 3 } })) {
      if (part.type === 'field') {
        if (part.fieldname !== 'caption') throw Problems.invalid([{ field: part.fieldname, message: 'only photo, thumbnail and caption are accepted' }]);
        caption = String(part.value).slice(0, 500) || null;
        continue;
      }
      const bytes = await part.toBuffer().catch((error: unknown) => {
        throw (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' ? tooLarge(part.fieldname) : error;
      });
      if (part.file.truncated) throw tooLarge(part.fieldname);
      if (part.fieldname === 'photo') photo = bytes;
      else if (part.fieldname === 'thumbnail') {
        if (bytes.length > THUMBNAIL_MAX_BYTES) throw tooLarge('thumbnail');
        thumbnail = bytes;
      } else throw Problems.invalid([{ field: part.fieldname, message: 'only photo, thumbnail and caption are accepted' }]);
    }
    if (!photo || photo.length === 0) throw Problems.invalid([{ field: 'photo', message: 'send the photo as multipart/form-data' }]);
    return this.photos.add(actor, id, itemCode, { photo, thumbnail, caption });
  }

  @ReadRoute(':id/photos', { operationId: 'listInspectionPhotos', summary: 'The photos of an inspection (without their bytes), by item', type: InspectionPhotosView })
  @Allow(...READERS)
  async list(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<InspectionPhotosView> {
    return { items: await this.photos.list(actor, id) };
  }

  @Get(':id/photos/:photoId')
  @Allow(...READERS)
  @ApiOperation({ operationId: 'getInspectionPhoto', summary: 'A photo (or, with size=thumbnail, its thumbnail); the ETag is its SHA-256' })
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @ApiOkResponse({ description: 'The image', schema: { type: 'string', format: 'binary' } })
  async content(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @IdParam('photoId') photoId: string,
    @Query() query: PhotoContentQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const thumbnail = query.size === 'thumbnail';
    const { contentType, data, sha256 } = await this.photos.content(actor, id, photoId, thumbnail);
    void reply.header('content-type', contentType);
    void reply.header('cache-control', 'private, max-age=86400, immutable');
    void reply.header('etag', `"${sha256}${thumbnail ? '-t' : ''}"`);
    void reply.header('x-content-type-options', 'nosniff');
    return data;
  }

  @RemoveRoute(':id/photos/:photoId', { operationId: 'removeInspectionPhoto', summary: 'Remove a photo, until submission', removed: 'Removed', conflict: 'Submitted: findings are fixed' })
  @Allow('bureau_admin', 'inspector')
  async remove(@CurrentActor() actor: Actor, @IdParam() id: string, @IdParam('photoId') photoId: string): Promise<void> {
    await this.photos.remove(actor, id, photoId);
  }
}

function tooLarge(field: string): ProblemException {
  const limit = field === 'thumbnail' ? THUMBNAIL_MAX_BYTES : PHOTO_MAX_BYTES;
  return new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, 'payload-too-large', `${field} is larger than ${limit} bytes`, { field, limit });
}
