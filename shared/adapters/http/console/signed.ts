/** Who is signed in, for the page's header and its sign-out form. */
export interface Signed {
  readonly name: string;
  readonly csrf: string;
}
