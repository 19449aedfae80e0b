import type { Metadata } from 'next';
import { UploadClient } from './UploadClient';

export const metadata: Metadata = { title: 'Upload' };

export default function UploadPage() {
  return <UploadClient />;
}
