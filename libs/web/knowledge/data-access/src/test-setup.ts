import '../../../../../tools/jest/web-test-setup';
