interface Text {
  vi: string;
  en: string;
}
/** What the pages read of the centre's profile (functions/core/centre.ts) and of its agencies. */
interface CentreFields {
  code: string;
  name: Text;
  address: Text;
  openingHours: Text;
  hotline: string;
  portalUrl: string;
  deskAgency: string;
  branches?: BranchFields[];
}
/** A branch desk (centre.json's branches): its receipts name its address, hours and hotline. */
interface BranchFields {
  code: string;
  name: Text;
  address: Text;
  openingHours: Text;
  hotline: string;
}
interface AgencyFields {
  code: string;
  kind: 'desk' | 'department';
  name: Text;
}

/** How the pages sign an officer in: the local issuer, or Cognito's managed login (code + PKCE). */
export type WebAuth =
  | { kind: 'local' }
  | { kind: 'cognito'; domain: string; clientId: string; scopes?: string[] };

/**
 * /config.json, read by the pages at start: what they need of the centre (the receipt's header,
 * the citizen's lookup link), its agencies (names for the queues, who one may sign in as
 * locally) and how to sign in. Written by the stack beside the pages (BucketDeployment) and
 * answered by the local gateway: the same builder for both. No secret in it: it is public.
 */
export function webConfig(centre: CentreFields, agencies: AgencyFields[], auth: WebAuth) {
  return {
    centre: {
      code: centre.code,
      name: centre.name,
      address: centre.address,
      openingHours: centre.openingHours,
      hotline: centre.hotline,
      portalUrl: centre.portalUrl.replace(/\/$/, ''),
      deskAgency: centre.deskAgency,
      branches: (centre.branches ?? []).map((b) => ({ code: b.code, name: b.name, address: b.address, openingHours: b.openingHours, hotline: b.hotline })),
    },
    agencies: agencies.map((a) => ({ code: a.code, kind: a.kind, name: a.name })),
    auth,
  };
}
export type WebConfig = ReturnType<typeof webConfig>;
