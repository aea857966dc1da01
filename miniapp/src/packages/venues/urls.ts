import { SELF_CHECK_IN_PAGE } from '@unionhome/shared'

/** Pages of the venues subpackage (src/app.config.ts). */
export const VENUES_PAGE = '/packages/venues/pages/index/index'
export const MY_BOOKINGS_PAGE = '/packages/venues/pages/mine/index'
export const CHECK_IN_PAGE = '/packages/venues/pages/check-in/index'
export const MANAGE_PAGE = '/packages/venues/pages/manage/index'
/** 扫码签到, the member's own check-in by the venue's printed code (what that code's link opens). */
export const SCAN_IN_PAGE = `/${SELF_CHECK_IN_PAGE}`
/** Opened from a button: in WeChat the scanner comes up at once. */
export const SCAN_IN_NOW = `${SCAN_IN_PAGE}?scan=1`

export const slotsUrl = (venueId: string, date?: string) => `/packages/venues/pages/slots/index?venueId=${venueId}${date ? `&date=${date}` : ''}`
export const venueEditUrl = (venueId?: string) => `/packages/venues/pages/venue-edit/index${venueId ? `?id=${venueId}` : ''}`
export const scheduleUrl = (venueId: string) => `/packages/venues/pages/schedule/index?venueId=${venueId}`
export const venueCodeUrl = (venueId: string) => `/packages/venues/pages/venue-code/index?venueId=${venueId}`
