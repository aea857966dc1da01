export default definePageConfig({
  navigationBarTitleText: '申请进度',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark'
})
