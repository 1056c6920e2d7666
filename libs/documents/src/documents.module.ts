import { Module } from '@nestjs/common';
import { PdfDocumentService } from './pdf-document.service';

/** Printable documents (A4, Chinese and English) shared by the modules that serve PDFs. */
@Module({ providers: [PdfDocumentService], exports: [PdfDocumentService] })
export class DocumentsModule {}
