/**
 * Pages of the main package stay few and small (WeChat: at most 2 MB, loaded at start-up).
 * Every feature domain is a subpackage under src/packages/<domain>/ and is downloaded on first use.
 *
 * Adding a domain = one entry in `subPackages` below + its tiles / workbench entries in src/features.ts.
 */
export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/mine/index',
    'pages/login/index',
    'pages/messages/index',
    // Join by QR lives in the main package: a scan must open it without waiting for a subpackage.
    'pages/join/index'
  ],
  subPackages: [
    { root: 'packages/workbench', pages: ['pages/index/index'] },
    {
      root: 'packages/admin',
      pages: ['pages/staff/index', 'pages/staff-grant/index', 'pages/orgs/index', 'pages/org-edit/index', 'pages/org-import/index', 'pages/audit/index']
    },
    {
      root: 'packages/claims',
      pages: ['pages/index/index', 'pages/apply/index', 'pages/detail/index', 'pages/coverage/index', 'pages/review-queue/index', 'pages/review/index', 'pages/enrol/index', 'pages/plans/index', 'pages/plan-edit/index']
    },
    {
      root: 'packages/membership',
      pages: ['pages/card/index', 'pages/invites/index', 'pages/invite/index', 'pages/applications/index', 'pages/members/index', 'pages/member/index', 'pages/verify/index']
    },
    {
      root: 'packages/hardship',
      pages: ['pages/index/index', 'pages/apply/index', 'pages/detail/index', 'pages/queue/index', 'pages/review/index', 'pages/archive/index', 'pages/regions/index']
    },
    {
      root: 'packages/venues',
      pages: [
        'pages/index/index',
        'pages/slots/index',
        'pages/mine/index',
        // 扫码签到: what the QR printed at a venue's door opens (shared SELF_CHECK_IN_PAGE).
        'pages/scan-in/index',
        'pages/check-in/index',
        'pages/manage/index',
        'pages/venue-edit/index',
        'pages/schedule/index',
        'pages/venue-code/index'
      ]
    }
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f4f5f7',
    navigationBarBackgroundColor: '#c8281e',
    navigationBarTitleText: '职工e家',
    navigationBarTextStyle: 'white'
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#c8281e',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tab-home.png',
        selectedIconPath: 'assets/tab-home-active.png'
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tab-mine.png',
        selectedIconPath: 'assets/tab-mine-active.png'
      }
    ]
  }
})
