import { StreamableFile } from '@nestjs/common';
import { type BundleContribution, type BundleSubject, writeBundle } from '@kasian/bundle';
import { attachmentDisposition } from '@kasian/evidence';

/** An auditor bundle as the response: a ZIP streamed part by part, manifest.json last. */
export function bundleFile(subject: BundleSubject, contributions: readonly BundleContribution[], fileName: string): StreamableFile {
  return new StreamableFile(writeBundle(subject, contributions), { type: 'application/zip', disposition: attachmentDisposition(fileName) });
}
