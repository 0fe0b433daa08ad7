import type { ReactNode } from 'react';
import { ErrorAlert as SharedErrorAlert } from '../../../components/error-alert';
import { DeviceFileError } from '../api/recognition';
import { useFaceSearchT } from '../messages';

/** The shared alert, which also reads a picture the device would not serve (a /ws/ GET, no envelope). */
export function ErrorAlert({ error, title, extra }: { error: unknown; title?: string; extra?: ReactNode }) {
  const tf = useFaceSearchT();
  const description =
    error instanceof DeviceFileError ? { title: tf('photo.deviceMissing', { status: error.status }), hint: '' } : undefined;
  return <SharedErrorAlert error={error} title={title} extra={extra} description={description} />;
}
