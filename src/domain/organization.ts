// Organizations: regional and intergovernmental bodies, treaties, UN bodies, NGOs (Popolo: organization).
import type { OrganizationClassification } from "./vocabulary.js";

export interface Organization {
  id: string;
  name: string;
  abbreviation: string | null;
  classification: OrganizationClassification;
  description: string | null;
  foundedYear: number | null;
  links: string[];
  memberCount: number;
}
