export default definePageConfig({
  navigationBarTitleText: '困难职工档案',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark'
})
