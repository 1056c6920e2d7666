import { saveBlob } from '@/utils/save-blob';
import { api } from './client';

/** Saves a licence's certificate (A4 PDF with the QR code to its public verification page). */
export async function downloadCertificate(licenceId: string, licenceNumber: string): Promise<void> {
  const result = await api.GET('/api/licences/{id}/certificate.pdf', { params: { path: { id: licenceId } }, parseAs: 'blob' });
  saveBlob(result.data as unknown as Blob, `licence-${licenceNumber}.pdf`);
}
