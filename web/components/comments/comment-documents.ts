/**
 * The comments section's GraphQL documents (types generated into web/lib/gql by `npm run codegen`).
 */
import { graphql } from '@/lib/gql';
import type { CommentFieldsFragment } from '@/lib/gql/graphql';

export type CommentNode = CommentFieldsFragment;
export type CommentOrder = 'NEWEST' | 'TOP';

export const COMMENT_FIELDS = graphql(`
  fragment CommentFields on Comment {
    id
    parentId
    body
    createdAt
    editedAt
    edited
    deleted
    hidden
    replyCount
    likeCount
    viewerHasLiked
    viewerIsAuthor
    viewerCanEdit
    viewerCanDelete
    viewerCanHide
    authorIsVideoOwner
    author {
      id
      displayName
      handle
      avatarUrl
    }
  }
`);

export const VIDEO_COMMENTS = graphql(`
  query VideoComments($id: ID!, $first: Int!, $after: String, $orderBy: CommentOrder!) {
    video(id: $id) {
      id
      commentCount
      comments(first: $first, after: $after, orderBy: $orderBy) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...CommentFields
          }
        }
      }
    }
  }
`);

export const COMMENT_REPLIES = graphql(`
  query CommentReplies($id: ID!, $first: Int!, $after: String) {
    comment(id: $id) {
      id
      replies(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...CommentFields
          }
        }
      }
    }
  }
`);

export const ADD_COMMENT = graphql(`
  mutation AddComment($videoId: ID!, $body: String!) {
    addComment(videoId: $videoId, body: $body) {
      comment {
        ...CommentFields
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const REPLY_TO_COMMENT = graphql(`
  mutation ReplyToComment($commentId: ID!, $body: String!) {
    replyToComment(commentId: $commentId, body: $body) {
      comment {
        ...CommentFields
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const EDIT_COMMENT = graphql(`
  mutation EditComment($id: ID!, $body: String!) {
    editComment(id: $id, body: $body) {
      comment {
        ...CommentFields
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const DELETE_COMMENT = graphql(`
  mutation DeleteComment($id: ID!) {
    deleteComment(id: $id) {
      deletedCommentId
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const SET_COMMENT_HIDDEN = graphql(`
  mutation SetCommentHidden($id: ID!, $hidden: Boolean!) {
    setCommentHidden(id: $id, hidden: $hidden) {
      comment {
        ...CommentFields
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const SET_COMMENT_LIKED = graphql(`
  mutation SetCommentLiked($id: ID!, $liked: Boolean!) {
    setCommentLiked(id: $id, liked: $liked) {
      comment {
        ...CommentFields
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
