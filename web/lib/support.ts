import { graphql } from '@/lib/gql';

/** Pay as you listen: a listener's support of one creator, and a creator's split and supporters. */

export const CREATOR_SUPPORT = graphql(`
  query CreatorSupport($creatorId: ID!) {
    creatorSupport(creatorId: $creatorId) {
      creatorId
      enabled
      amountPerMinute
      dailyCeiling
      paidToday
    }
    wallet {
      balance
    }
  }
`);

export const SET_CREATOR_SUPPORT = graphql(`
  mutation SetCreatorSupport($input: SetCreatorSupportInput!) {
    setCreatorSupport(input: $input) {
      support {
        creatorId
        enabled
        amountPerMinute
        dailyCeiling
        paidToday
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const SUPPORT_STUDIO = graphql(`
  query SupportStudio {
    supportSplit {
      userId
      displayName
      handle
      percent
    }
    supportReceived {
      total
      last30Days
      supporters {
        userId
        displayName
        paid
      }
    }
  }
`);

export const SET_SUPPORT_SPLIT = graphql(`
  mutation SetSupportSplit($input: SetSupportSplitInput!) {
    setSupportSplit(input: $input) {
      recipients {
        userId
        displayName
        handle
        percent
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);
