export * from './lib/learner/features';
export * from './lib/learner/softmax-model';
export * from './lib/learner/trainer';
export * from './lib/learner/bigram-nb';
export * from './lib/learner/model-codec';
