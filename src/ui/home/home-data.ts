/** A custom user or organization field, as the home screen lists it. */
export interface CustomField {
  id: number;
  key: string;
  title: string;
  type: string;
  active: boolean;
}

/** What the home screen loads from Zendesk. Each method is stable, so screens can retry it. */
export interface HomeData {
  /** End users who could be in an audience. */
  countCustomers(): Promise<number>;
  /** Organizations the customers belong to (audiences can use their fields). */
  countOrganizations(): Promise<number>;
  listUserFields(): Promise<CustomField[]>;
  listOrganizationFields(): Promise<CustomField[]>;
}
