// Contract types, enums and pure rules of the hardship domain (困难职工网上申报), DESIGN.md §5.
export * from './hardship';
export * from './income-test';
export * from './household';
