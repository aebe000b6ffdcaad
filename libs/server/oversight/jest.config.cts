module.exports = {
  displayName: 'server-oversight',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../../coverage/libs/server/oversight',
  // no pure logic of its own yet: its behaviour is covered over HTTP in apps/api/test/assessment.int-spec.ts
  passWithNoTests: true,
};
