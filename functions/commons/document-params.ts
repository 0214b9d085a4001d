import * as z from 'zod';
import { dossierCode } from './params';
import { documentId } from '../core/documents';

/** Path parameters of the document routes. */
export const DossierPath = z.object({ code: dossierCode });
export const DocumentPath = z.object({ code: dossierCode, documentId });
