// Routing suggestions learned from the center's history, the dispatch catalogue (派单目录), similar orders and repeats.

export interface SuggestRequest {
  content: string;
  regionId?: number;
  address?: string;
  phone?: string;
  /** the category the agent chose already (units are then suggested for it) */
  categoryId?: number;
}

export interface SuggestedCategory {
  id: number;
  path: string;
  score: number;
}

export interface SuggestedUnit {
  id: number;
  name: string;
  score: number;
  /** 'rule' = the dispatch catalogue says so; 'model' = learned from history */
  source: 'rule' | 'model';
}

export type SimilarReason = 'phone' | 'address' | 'category' | 'text';

export const SIMILAR_REASON_LABELS: Record<SimilarReason, string> = {
  phone: '同一来电号码',
  address: '同一地址',
  category: '同类同区近期',
  text: '内容相似',
};

export interface SimilarOrder {
  orderId: number;
  number: string;
  score: number;
  reason: SimilarReason;
  status: string;
  open: boolean;
  createdAt: string;
  content: string;
}

export interface SuggestResponse {
  categories: SuggestedCategory[];
  units: SuggestedUnit[];
  similar: SimilarOrder[];
  /** version (id) of the model that answered; null when none is trained yet */
  modelVersion: number | null;
}

export type RoutingModelStatus = 'none' | 'queued' | 'training' | 'serving' | 'rejected' | 'failed' | 'retired';

export interface RoutingModelView {
  /** 'serving' when a model answers; else what the latest training is doing */
  status: RoutingModelStatus;
  version: number | null;
  samples: number;
  trainedAt: string | null;
  holdout: { top1: number | null; top3: number | null; n: number; unitTop1: number | null };
  /** the latest training run, when it is not the serving model */
  latest: { version: number; status: RoutingModelStatus; error: string | null; holdout: { top1: number | null; top3: number | null } } | null;
}

export interface RoutingRuleView {
  id: number;
  categoryId: number;
  categoryPath: string;
  regionId: number | null;
  regionName: string | null;
  unitId: number;
  unitName: string;
  note: string | null;
  /** the admin who added the rule (null for a rule from before it was recorded, or whose account is gone) */
  createdById: number | null;
  createdByName: string | null;
  /** ISO time the rule was added */
  createdAt: string;
  /** share of the last year's orders of this category (and region) whose final main unit was another one; null with < 5 orders */
  contradiction: { orders: number; otherUnitShare: number; mostCommonUnitId: number | null } | null;
}

export interface RoutingRuleInput {
  categoryId: number;
  regionId?: number | null;
  unitId: number;
  note?: string;
}

export interface RoutingAccuracyMonth {
  month: string;
  orders: number;
  /** orders whose category suggestion was taken / orders with one */
  categoryTaken: number | null;
  unitTaken: number | null;
  /** dispatched on the suggested unit and never came back (退单/改派) / dispatched orders with a suggestion */
  accuracy: number | null;
}

/** The dispatcher queue's suggestions: at most 100 orders at once. */
export const SUGGEST_BATCH_MAX = 100;

export interface SuggestBatchRequest {
  orderIds: number[];
}

export interface OrderSuggestion {
  orderId: number;
  number: string;
  /** the model's three likeliest categories for the order's text */
  categories: SuggestedCategory[];
  /** up to three units for the order's own category (the agent's choice): catalogue first, then model */
  units: SuggestedUnit[];
}

export interface SuggestBatchResponse {
  suggestions: OrderSuggestion[];
  /** ids asked for that are no order (or one merged into another): left out, never an error */
  skipped: number[];
  modelVersion: number | null;
}

/** Why orders were grouped: one normalised address, or text alike (cosine of the character-pair sets). */
export type ClusterReason = 'address' | 'text';

export const CLUSTER_REASON_LABELS: Record<ClusterReason, string> = {
  address: '同一地址',
  text: '内容相似',
};

export interface ClusterOrder {
  id: number;
  number: string;
  status: string;
  createdAt: string;
  contentPreview: string;
}

export interface OrderCluster {
  /** stable while the cluster's members stay: 'a:<address key>' or 't:<oldest order id>' */
  key: string;
  /** the address, or the opening of the newest order's text */
  label: string;
  reason: ClusterReason;
  /** how many orders the cluster holds (orders below may be fewer: at most 50 are listed) */
  count: number;
  /** newest first */
  orders: ClusterOrder[];
}

export interface HotClustersResponse {
  from: string;
  to: string;
  min: number;
  /** orders read: the newest of the period, at most HOT_CLUSTER_SCAN */
  scanned: number;
  /** the period held more orders than were read; the clusters are of the newest ones */
  truncated: boolean;
  clusters: OrderCluster[];
}

export const HOT_CLUSTER_SCAN = 10_000;
