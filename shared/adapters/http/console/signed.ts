/** Who is signed in, for the page's header and its sign-out form. */
export interface Signed {
  readonly name: string;
  readonly csrf: string;
  /** False for a person who reads reports and no case (the Member Responsible for Complaints): no case lists offered. */
  readonly cases?: boolean;
}
