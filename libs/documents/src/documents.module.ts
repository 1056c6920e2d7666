import { Module } from '@nestjs/common';
import { PdfDocumentService } from './pdf-document.service';
import { PdfRenderer } from './pdf-renderer';

/** Printable documents (A4, Chinese and English) shared by the modules that serve PDFs, rendered off the event loop. */
@Module({ providers: [PdfDocumentService, PdfRenderer], exports: [PdfDocumentService, PdfRenderer] })
export class DocumentsModule {}
