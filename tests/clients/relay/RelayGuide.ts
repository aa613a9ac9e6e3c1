import { graphql } from 'relay-runtime';

// Read by relay-compiler (`npm run relay`), never run: the test imports what it generates in
// __generated__ (without babel-plugin-relay, `graphql` cannot be called at run time).
export const RelayGuideFeedQuery = graphql`
  query RelayGuideFeedQuery($tag: String) {
    posts(first: 3, filter: { tag: $tag }) @connection(key: "RelayGuide_posts") {
      edges {
        cursor
        node {
          id
          title
          ...RelayGuide_post
        }
      }
    }
  }
`;

export const RelayGuidePost = graphql`
  fragment RelayGuide_post on Post @refetchable(queryName: "RelayGuidePostRefetchQuery") {
    id
    title
    tags
  }
`;
