/** Wire types of oversight: surge alerts and coordination meetings. */

export interface SurgeAlertView {
  id: number;
  day: string;
  kind: 'category_region' | 'address';
  categoryId: number | null;
  categoryPath: string | null;
  regionId: number | null;
  regionName: string | null;
  address: string | null;
  count: number;
  baseline: number;
  ratio: number | null;
}

export interface MeetingView {
  id: number;
  heldOn: string;
  title: string;
  summary: string | null;
  unitIds: number[];
  orderIds: number[];
  /** the 14-digit numbers (受理编号) of `orderIds`, in the same order */
  orderNumbers: string[];
  createdAt: string;
}
