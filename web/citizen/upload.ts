/**
 * Where a supplement's files go before the supplement is sent. The body of
 * POST /public/dossiers/{code}/supplement is `{documents: [{name, ref}]}`: each file becomes a
 * reference. Today the reference names the file the citizen chose (`citizen-upload:<name>`), the
 * file itself is not transmitted: the documents issue (12) plugs its presigned upload in here —
 * `POST /public/dossiers/{code}/documents` gives a presigned POST, the browser sends the file to
 * S3, and the document's id becomes the `ref` — without the page changing.
 */
export interface Uploaded {
  name: string;
  ref: string;
}

export type Uploader = (code: string, pin: string, file: File, label: string) => Promise<Uploaded>;

export const referenceOnly: Uploader = async (_code, _pin, file, label) => ({
  name: (label ? `${label}: ${file.name}` : file.name).slice(0, 200),
  ref: `citizen-upload:${file.name}`.slice(0, 500),
});

/** The uploader in use (issue 12 replaces it with the presigned upload). */
export let uploadFile: Uploader = referenceOnly;
export const useUploader = (u: Uploader) => {
  uploadFile = u;
};
