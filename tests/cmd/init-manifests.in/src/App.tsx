export const on = () => useFeatureIsOn("new-search");
