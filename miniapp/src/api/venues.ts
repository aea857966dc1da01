import {
  DEFAULT_PAGE_LIMIT,
  type BookingAccountResponse,
  type BookingResponse,
  type CancelBookingResponse,
  type CheckInResponse,
  type CreateSlotRequest,
  type CreateVenueRequest,
  type GenerateSlotsRequest,
  type GenerateSlotsResponse,
  type MyBookingResponse,
  type MyBookingScope,
  type OrgResponse,
  type Paged,
  type SelfCheckInRequest,
  type SelfCheckInResponse,
  type SlotResponse,
  type SlotRosterEntry,
  type UpdateVenueRequest,
  type VenueCheckInCodeResponse,
  type VenueResponse
} from '@unionhome/shared'
import { request } from './request'

/** API.md "Venues and bookings", plus the staff's venue, slot and check-in calls. */

export function fetchVenues(): Promise<VenueResponse[]> {
  return request<VenueResponse[]>('/venues')
}

export function fetchVenue(id: string): Promise<VenueResponse> {
  return request<VenueResponse>(`/venues/${id}`)
}

export function fetchSlots(venueId: string, date: string): Promise<SlotResponse[]> {
  return request<SlotResponse[]>(`/venues/${venueId}/slots`, { query: { date } })
}

/** Keep the key for retries of the same tap: a repeat never books twice. */
export function bookSlot(slotId: string, waitlist: boolean, idempotencyKey: string): Promise<BookingResponse> {
  return request<BookingResponse>('/bookings', { method: 'POST', data: waitlist ? { slotId, waitlist: true } : { slotId }, idempotencyKey })
}

export function fetchMyBookings(scope: MyBookingScope, page = 1, limit = DEFAULT_PAGE_LIMIT): Promise<Paged<MyBookingResponse>> {
  return request<Paged<MyBookingResponse>>('/me/bookings', { query: { scope, page, limit } })
}

export function cancelBooking(id: string): Promise<CancelBookingResponse> {
  return request<CancelBookingResponse>(`/bookings/${id}/cancel`, { method: 'POST' })
}

/**
 * The person scanned the venue's printed code (the code alone or the whole scanned text): their
 * booking there that is open for check-in is checked in. Safe to repeat: a second scan answers
 * `alreadyCheckedIn`.
 */
export function selfCheckIn(venueCode: string): Promise<SelfCheckInResponse> {
  const body: SelfCheckInRequest = { venueCode }
  return request<SelfCheckInResponse>('/me/check-ins', { method: 'POST', data: body })
}

export function fetchBookingAccount(): Promise<BookingAccountResponse> {
  return request<BookingAccountResponse>('/me/booking-account')
}

// ----- venue staff -----

export function fetchManagedVenues(): Promise<VenueResponse[]> {
  return request<VenueResponse[]>('/venues/managed')
}

/** The venue's check-in code to print and hang at the door. */
export function fetchVenueCheckInCode(venueId: string): Promise<VenueCheckInCodeResponse> {
  return request<VenueCheckInCodeResponse>(`/venues/${venueId}/check-in-code`)
}

/** A new code for the door: prints of the old one stop working at once. */
export function rotateVenueCheckInCode(venueId: string): Promise<VenueCheckInCodeResponse> {
  return request<VenueCheckInCodeResponse>(`/venues/${venueId}/check-in-code/rotate`, { method: 'POST' })
}

/** Admin: the workers' cultural palaces (文化宫) a new venue can belong to. The org list is public. */
export function fetchPalaces(): Promise<OrgResponse[]> {
  return request<OrgResponse[]>('/orgs', { query: { type: 'palace' }, auth: false })
}

export function createVenue(body: CreateVenueRequest, idempotencyKey: string): Promise<VenueResponse> {
  return request<VenueResponse>('/venues', { method: 'POST', data: body, idempotencyKey })
}

export function updateVenue(id: string, body: UpdateVenueRequest): Promise<VenueResponse> {
  return request<VenueResponse>(`/venues/${id}`, { method: 'PATCH', data: body })
}

export function createSlot(venueId: string, body: CreateSlotRequest, idempotencyKey: string): Promise<SlotResponse> {
  return request<SlotResponse>(`/venues/${venueId}/slots`, { method: 'POST', data: body, idempotencyKey })
}

export function generateSlots(venueId: string, body: GenerateSlotsRequest, idempotencyKey: string): Promise<GenerateSlotsResponse> {
  return request<GenerateSlotsResponse>(`/venues/${venueId}/slots/recurring`, { method: 'POST', data: body, idempotencyKey })
}

export function fetchRoster(slotId: string): Promise<SlotRosterEntry[]> {
  return request<SlotRosterEntry[]>(`/slots/${slotId}/bookings`)
}

export function closeSlot(slotId: string): Promise<SlotResponse> {
  return request<SlotResponse>(`/slots/${slotId}/close`, { method: 'POST' })
}

export function checkIn(cardToken: string, slotId: string): Promise<CheckInResponse> {
  return request<CheckInResponse>('/check-ins', { method: 'POST', data: { cardToken, slotId } })
}
